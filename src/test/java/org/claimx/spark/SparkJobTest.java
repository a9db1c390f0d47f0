package org.claimx.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.claimx.cli.Main;
import org.claimx.io.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] against claimx extract on the same files: 500 real arXiv abstracts
 * (gzip), the bad records of testdata/inputs/bad.jsonl, and a file that repeats three of the papers
 * (two the same, one with another abstract). The claims must be the same set, compared field by
 * field through the Parquet schema; the error rows the same records with the same reasons; and the
 * counts the same, adding up to the records read.
 */
class SparkJobTest {
    private static final List<String> INPUTS = List.of("testdata/spark/arxiv-500.jsonl.gz", "testdata/inputs/bad.jsonl",
            "testdata/spark/repeats.jsonl");

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("claimx SparkJobTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    /** What claimx extract gives, run in this JVM: claim lines, error lines, and its summary line. */
    private record Cli(int code, List<String> claims, List<String> errors, String summary) {}

    private static Cli extract(Path dir, List<String> inputs) throws IOException {
        Path errors = dir.resolve("cli-errors.jsonl");
        List<String> args = new ArrayList<>(List.of("extract", "--threads", "2", "--errors", errors.toString()));
        args.addAll(inputs);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args.toArray(String[]::new));
            System.out.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        List<String> summary = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("papers ")).toList();
        assertEquals(1, summary.size(), err.toString(StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8).lines().toList(), Files.readAllLines(errors), summary.get(0));
    }

    private static ExtractJob.Settings settings(List<String> inputs, Path out, boolean parquet) {
        return new ExtractJob.Settings(inputs, out.toString(), parquet, null, null, null, null, 0, "rules", 1_000_000, 16 * 1024 * 1024, 10_000);
    }

    @Test
    void sameClaimsErrorsAndCountsAsClaimxExtract(@TempDir Path dir) throws IOException {
        Cli cli = extract(dir, INPUTS);
        assertEquals(1, cli.code(), "bad.jsonl has bad records: " + cli.summary());
        assertTrue(cli.claims().size() > 300, "500 ML abstracts give hundreds of claims: " + cli.claims().size());

        Path out = dir.resolve("job");
        ExtractJob.Summary sum = ExtractJob.run(spark, settings(INPUTS, out, true));

        // Claims: the same multiset, each compared field by field in the Parquet schema's types.
        StructType schema = ClaimSchema.claims();
        Dataset<Row> parquet = spark.read().parquet(out.resolve("claims").toString());
        // Spark reads every Parquet column back as nullable, whatever the file says: compare names and types.
        assertEquals(shape(schema), shape(parquet.schema()), "the Parquet columns are those of claim.schema.json");
        List<Map<String, Object>> expected = sorted(cli.claims().stream().map(l -> fromJson(schema, read(l))).toList());
        List<Map<String, Object>> actual = sorted(parquet.collectAsList().stream().map(r -> fromRow(schema, r)).toList());
        assertEquals(expected.size(), actual.size(), "claims");
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            for (String field : schema.fieldNames()) {
                assertEquals(e.get(field), a.get(field), "claim " + i + " of paper " + e.get("paper") + ", field " + field);
            }
        }

        // Errors: one row per bad record, as claimx extract names it (source, line) and with its reason.
        StructType errorSchema = ClaimSchema.errors();
        List<Map<String, Object>> expectedErrors = sorted(cli.errors().stream().map(l -> fromJson(errorSchema, read(l))).toList());
        List<Map<String, Object>> actualErrors = sorted(spark.read().parquet(out.resolve("errors").toString()).collectAsList().stream()
                .map(r -> fromRow(errorSchema, r)).toList());
        assertEquals(expectedErrors, actualErrors);
        assertTrue(actualErrors.stream().anyMatch(e -> ((String) e.get("reason")).startsWith("duplicate id")),
                "a paper of repeats.jsonl with another abstract is an error: " + actualErrors);
        assertTrue(expectedErrors.size() >= 10, "bad.jsonl's records: " + expectedErrors.size());

        // Counts: the same as claimx extract's summary, and they add up to the records read.
        assertTrue(cli.summary().startsWith("papers " + sum.papers() + ", claims " + sum.claims() + ", errors " + sum.errors()
                + ", duplicates " + sum.duplicates() + " ("), cli.summary() + " vs " + sum.line());
        assertEquals(2, sum.duplicates(), "repeats.jsonl repeats two papers as they are");
        assertTrue(sum.papers() >= 500, "the 500 arXiv papers and the good records of bad.jsonl: " + sum.line());
        assertTrue(sum.addsUp(), sum.line());
        assertEquals(sum.records(), sum.papers() + sum.errors() + sum.duplicates());
        assertEquals(actual.size(), sum.claims());
        assertEquals(actualErrors.size(), sum.errors());

        // One engine in this JVM, however many partitions (8 here) used it.
        assertEquals(1, Engines.built());
    }

    /** claimx extract on two small files, for the tests that read them again (it loads an engine per run). */
    private static Cli small;

    private static synchronized Cli small(Path dir) throws IOException {
        if (small == null) small = extract(dir, List.of("testdata/inputs/papers.jsonl", "testdata/inputs/openalex-works.jsonl"));
        return small;
    }

    @Test
    void aFolderIsReadAsItsFilesInOrderAndJsonLinesAreClaimxExtractsLines(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("testdata/inputs/papers.jsonl"), in.resolve("a.jsonl"));
        Files.copy(Path.of("testdata/inputs/openalex-works.jsonl"), in.resolve("b.jsonl"));
        Files.writeString(in.resolve("_SUCCESS"), "");
        Cli cli = small(dir);
        Path out = dir.resolve("job");
        ExtractJob.Summary sum = ExtractJob.run(spark, settings(List.of(in.toString()), out, false));
        assertEquals(cli.claims().stream().sorted().toList(), textLines(out.resolve("claims")));
        assertEquals(cli.errors().stream().map(e -> e.replace("testdata/inputs/papers.jsonl", in.resolve("a.jsonl").toString())
                .replace("testdata/inputs/openalex-works.jsonl", in.resolve("b.jsonl").toString())).sorted().toList(), textLines(out.resolve("errors")));
        assertTrue(cli.summary().startsWith("papers " + sum.papers() + ", claims " + sum.claims() + ", errors " + sum.errors() + " ("),
                cli.summary() + " vs " + sum.line());
        assertTrue(sum.claims() > 0 && sum.addsUp(), sum.line());

        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> ExtractJob.run(spark, settings(List.of(in.toString()), out, false)));
        assertTrue(again.getMessage().startsWith("output exists: "), again.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ExtractJob.run(spark, settings(List.of("testdata/no-such-file.jsonl"), dir.resolve("x"), false)));
        assertEquals("no such input: testdata/no-such-file.jsonl", missing.getMessage());
    }

    @Test
    void aDataFrameOfPapersGivesTheClaimsClaimxExtractGives(@TempDir Path dir) throws IOException {
        Cli cli = small(dir);
        Dataset<Row> papers = spark.read().json("testdata/inputs/papers.jsonl").repartition(3);
        Claims.Output out = Claims.extractWithErrors(papers, Claims.Options.defaults().rules("rules"));
        try {
            StructType schema = ClaimSchema.claims();
            assertEquals(schema, out.claims().schema());
            List<Map<String, Object>> actual = sorted(out.claims().collectAsList().stream().map(r -> fromRow(schema, r)).toList());
            List<Map<String, Object>> expected = sorted(cli.claims().stream().map(l -> fromJson(schema, read(l)))
                    .filter(c -> !c.get("paper").toString().startsWith("https://openalex.org/")).toList());
            assertFalse(expected.isEmpty());
            assertEquals(expected, actual);
            assertEquals(0, out.errors().count());
            assertEquals(actual.size(), Claims.extract(papers, Claims.Options.defaults().rules("rules")).count());
        } finally {
            out.unpersist();
        }
        // A row without an abstract is an error row, not dropped; columns can be named, nested ones with dots.
        Dataset<Row> odd = spark.read().json(spark.createDataset(List.of(
                "{\"meta\": {\"arxiv\": \"2401.00001\"}, \"text\": {\"body\": \"It reduces memory by up to 73%.\"}}",
                "{\"meta\": {\"arxiv\": \"2401.00002\"}}"), org.apache.spark.sql.Encoders.STRING())).coalesce(1);
        Claims.Output o = Claims.extractWithErrors(odd, Claims.Options.defaults().rules("rules").columns("meta.arxiv", null, "text.body"));
        try {
            List<Row> claims = o.claims().collectAsList();
            assertEquals(1, claims.size(), claims.toString());
            assertEquals("2401.00001", claims.get(0).getAs("paper"));
            List<Row> errors = o.errors().collectAsList();
            assertEquals(1, errors.size(), errors.toString());
            assertEquals("DataFrame partition 0", errors.get(0).getAs("source"));
            assertEquals(2L, (long) errors.get(0).getAs("line"));
        } finally {
            o.unpersist();
        }
    }

    @Test
    void usageErrorsAreOneLineWithStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, ExtractJob.run(p, "--input", "x.jsonl"));
        assertEquals(2, ExtractJob.run(p, "--input", "x.jsonl", "--output", "o", "--format", "xml"));
        assertEquals(2, ExtractJob.run(p, "--input", "x.jsonl", "--output", "o", "--input-format", "xml"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Missing required option: '--output=DIR'"), text);
        assertTrue(text.contains("--format takes parquet or jsonl, not 'xml'"), text);
        assertTrue(text.contains("unknown input format 'xml'"), text);
        assertFalse(text.contains("\tat "), text);

        ByteArrayOutputStream help = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(help, true, StandardCharsets.UTF_8));
            assertEquals(0, ExtractJob.run(p, "--help"));
        } finally {
            System.setOut(old);
        }
        String h = help.toString(StandardCharsets.UTF_8);
        for (String o : List.of("--input", "--output", "--format", "--input-format", "--partitions", "--rules", "Exit status")) {
            assertTrue(h.contains(o), o + " in --help:\n" + h);
        }
    }

    // --- comparison helpers: a claim (or error) as a map of its fields, in the Parquet schema's types ---

    private static String shape(StructType t) {
        return t.json().replaceAll("\"(nullable|containsNull)\":(true|false)", "");
    }

    private static JsonNode read(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static List<String> textLines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) out.addAll(Files.readAllLines(f));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> claims) {
        List<Map<String, Object>> out = new ArrayList<>(claims);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    private static Map<String, Object> fromJson(StructType type, JsonNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (StructField f : type.fields()) m.put(f.name(), fromJson(f.dataType(), node.get(f.name())));
        assertEquals(type.fieldNames().length, node.size(), "fields of " + node);
        return m;
    }

    private static Object fromJson(DataType type, JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (type instanceof StructType s) return fromJson(s, node);
        if (type instanceof ArrayType a) {
            List<Object> l = new ArrayList<>();
            node.forEach(n -> l.add(fromJson(a.elementType(), n)));
            return l;
        }
        if (type.equals(DataTypes.DoubleType)) return node.doubleValue();
        if (type.equals(DataTypes.LongType)) return node.longValue();
        return node.textValue();
    }

    private static Map<String, Object> fromRow(StructType type, Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (StructField f : type.fields()) m.put(f.name(), fromRow(f.dataType(), row.get(row.fieldIndex(f.name()))));
        return m;
    }

    private static Object fromRow(DataType type, Object value) {
        if (value == null) return null;
        if (type instanceof StructType s) return fromRow(s, (Row) value);
        if (type instanceof ArrayType a) {
            List<Object> l = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) value).forEach(v -> l.add(fromRow(a.elementType(), v)));
            return l;
        }
        return value;
    }
}
