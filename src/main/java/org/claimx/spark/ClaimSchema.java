package org.claimx.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.claimx.io.ClaimWriter;
import org.claimx.io.ErrorWriter;
import org.claimx.io.Json;
import org.claimx.io.OutputFormat;
import org.claimx.io.ReadError;
import org.claimx.model.Claim;

/**
 * The Spark side of claimx's one claim format. Claims are serialised by claimx's own JSON Lines
 * writer, exactly as {@code claimx extract} writes them; the Parquet schema is derived from the
 * claim JSON Schema ({@code claim.schema.json}, in the jar), so the two cannot drift apart: a string
 * or an enum is a string column, a number a double, an integer a long, {@code span} an array of two
 * longs, {@code value} and {@code value.bits} nested structs, and a field that may be null (or is
 * not required) is nullable.
 */
public final class ClaimSchema {
    private static final StructType CLAIM = build();

    /** The error rows: where the record stands and why it could not be read or extracted (claimx extract's {@code --errors}). */
    private static final StructType ERROR = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("line", DataTypes.LongType, false)
            .add("reason", DataTypes.StringType, false);

    private ClaimSchema() {}

    /** The schema of a claims DataFrame (and of the Parquet the job writes). */
    public static StructType claims() {
        return CLAIM;
    }

    /** The schema of an errors DataFrame: {@code source}, {@code line}, {@code reason}. */
    public static StructType errors() {
        return ERROR;
    }

    /**
     * JSON lines (claims, or errors) as a DataFrame of {@code schema}: a line that does not fit fails the
     * job rather than becoming nulls, and the columns the JSON Schema requires stay non-nullable (Spark's
     * JSON reader would make every column nullable).
     */
    static Dataset<Row> parse(SparkSession spark, JavaRDD<String> lines, StructType schema) {
        Dataset<String> ds = spark.createDataset(lines.rdd(), Encoders.STRING());
        Dataset<Row> loose = spark.read().schema(schema).option("mode", "FAILFAST").json(ds);
        return spark.createDataFrame(loose.javaRDD(), schema);
    }

    /** The claims as claimx extract writes them, one JSON object a line (without the line ends). */
    static List<String> lines(List<Claim> claims) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ClaimWriter w = OutputFormat.JSONL.open(b)) {
            w.writeAll(claims);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return split(b);
    }

    /** An error record as claimx extract's {@code --errors} file has it. */
    static String line(ReadError error) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ErrorWriter w = new ErrorWriter(b)) {
            w.write(error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return split(b).get(0);
    }

    private static List<String> split(ByteArrayOutputStream b) {
        // JSON escapes a line end inside a string, so a raw one only ends a record.
        String s = b.toString(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
            out.add(s.substring(from, nl));
            from = nl + 1;
        }
        return out;
    }

    private static StructType build() {
        try (InputStream in = ClaimSchema.class.getResourceAsStream("/claim.schema.json")) {
            if (in == null) throw new IllegalStateException("claim.schema.json is missing from the classpath");
            return (StructType) type(Json.mapper().readTree(in)).type();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read claim.schema.json: " + e.getMessage(), e);
        }
    }

    private record Typed(DataType type, boolean nullable) {}

    private static Typed type(JsonNode s) {
        if (s.has("enum")) {
            boolean nullable = false;
            for (JsonNode v : s.get("enum")) nullable |= v.isNull();
            return new Typed(DataTypes.StringType, nullable);
        }
        if (!s.has("type") && s.has("oneOf")) {
            // bits: null, or an object
            Typed found = null;
            boolean nullable = false;
            for (JsonNode alt : s.get("oneOf")) {
                Typed t = type(alt);
                if (t.type() == DataTypes.NullType) nullable = true;
                else found = t;
            }
            if (found == null) throw new IllegalStateException("claim.schema.json: a oneOf with only null");
            return new Typed(found.type(), nullable || found.nullable());
        }
        Set<String> types = new HashSet<>();
        JsonNode t = s.get("type");
        if (t == null) throw new IllegalStateException("claim.schema.json: no type in " + s);
        if (t.isArray()) t.forEach(x -> types.add(x.asText()));
        else types.add(t.asText());
        boolean nullable = types.remove("null");
        if (types.isEmpty()) return new Typed(DataTypes.NullType, true);
        if (types.size() != 1) throw new IllegalStateException("claim.schema.json: more than one type in " + s);
        String one = types.iterator().next();
        return switch (one) {
            case "string" -> new Typed(DataTypes.StringType, nullable);
            case "integer" -> new Typed(DataTypes.LongType, nullable);
            case "number" -> new Typed(DataTypes.DoubleType, nullable);
            case "boolean" -> new Typed(DataTypes.BooleanType, nullable);
            case "array" -> {
                JsonNode items = s.has("prefixItems") ? s.get("prefixItems").get(0) : s.get("items");
                Typed e = type(items);
                yield new Typed(DataTypes.createArrayType(e.type(), e.nullable()), nullable);
            }
            case "object" -> {
                Set<String> required = new HashSet<>();
                if (s.has("required")) s.get("required").forEach(x -> required.add(x.asText()));
                List<StructField> fields = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = s.get("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    Typed f = type(p.getValue());
                    fields.add(DataTypes.createStructField(p.getKey(), f.type(), f.nullable() || !required.contains(p.getKey())));
                }
                yield new Typed(DataTypes.createStructType(fields), nullable);
            }
            default -> throw new IllegalStateException("claim.schema.json: type " + one + " has no Spark type here");
        };
    }
}
