package org.claimx.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.claimx.io.FieldPaths;
import org.claimx.io.InputFormat;
import org.claimx.io.InputRecord;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.io.ReadOptions;
import org.claimx.pipeline.PaperGuard;
import org.claimx.spark.Items.Failed;
import org.claimx.spark.Items.Item;
import org.claimx.spark.Items.Read;

/**
 * claimx for people who already have their papers in a DataFrame:
 *
 * <pre>{@code
 * Dataset<Row> papers = spark.read().parquet("s3a://bucket/papers/");   // columns id, title, abstract
 * Dataset<Row> claims = Claims.extract(papers);                                // columns of claim.schema.json
 * claims.where("metric_class = 'speed'").show();
 * }</pre>
 *
 * <p>Each row is read as claimx reads one JSON Lines record (the row as Spark's {@code toJSON} gives it),
 * so the same field names are understood ({@code id}, {@code title}, {@code abstract}; Semantic
 * Scholar's {@code paperId}; or the columns that {@link Options} names, dots for nested structs) and
 * the same records are refused ({@code no id},
 * {@code no abstract}, a NUL character, an abstract over the length limit). Extraction runs in the
 * DataFrame's own partitions, each executor using its one engine ({@link Engines}). A row that cannot
 * be read or extracted gives no claim: {@link #extractWithErrors} returns those rows too.
 */
public final class Claims {
    private Claims() {}

    /** Where the rows keep their fields, the rules folder and the limits; every field may be null for its default. */
    public record Options(String idColumn, String titleColumn, String abstractColumn, String rulesDir, Long maxPaperMs,
                          Integer maxAbstractChars) implements Serializable {
        /** Default columns ({@code id}, {@code title}, {@code abstract}), rules and limits. */
        public static Options defaults() {
            return new Options(null, null, null, null, null, null);
        }

        /** These columns (null keeps a default); a path with dots names a field of a struct column. */
        public Options columns(String id, String title, String abstractText) {
            return new Options(id, title, abstractText, rulesDir, maxPaperMs, maxAbstractChars);
        }

        /** The rules folder as the executors see it. */
        public Options rules(String dir) {
            return new Options(idColumn, titleColumn, abstractColumn, dir, maxPaperMs, maxAbstractChars);
        }

        ReadOptions readOptions() {
            return new ReadOptions(new FieldPaths(idColumn, titleColumn, abstractColumn), Integer.MAX_VALUE,
                    maxAbstractChars == null ? ReadOptions.DEFAULT_MAX_ABSTRACT_CHARS : maxAbstractChars);
        }

        /** The rules folder, or null for claimx's own, which each executor finds itself (in the jar). */
        String rules() {
            return rulesDir;
        }

        long budget() {
            return maxPaperMs != null ? maxPaperMs : PaperGuard.DEFAULT_MAX_PAPER_MS;
        }
    }

    /**
     * The claims and the rows that gave none because they could not be read or extracted (columns
     * {@code source}: {@code DataFrame partition P}, {@code line}: the row's number in it, 1-based,
     * {@code reason}). Both come from one extraction, kept until {@link #unpersist()}.
     */
    public record Output(Dataset<Row> claims, Dataset<Row> errors, JavaRDD<?> kept) {
        public void unpersist() {
            kept.unpersist(false);
        }
    }

    /** The claims of {@code papers} (columns {@code id}, {@code title}, {@code abstract}), one row per claim. */
    public static Dataset<Row> extract(Dataset<Row> papers) {
        return extract(papers, Options.defaults());
    }

    /** As {@link #extract(Dataset)}, with other columns, rules or limits. */
    public static Dataset<Row> extract(Dataset<Row> papers, Options options) {
        return ClaimSchema.parse(papers.sparkSession(), ExtractJob.claimLines(outcomes(papers, options)), ClaimSchema.claims());
    }

    /** The claims and the error rows of {@code papers}, from one extraction. */
    public static Output extractWithErrors(Dataset<Row> papers, Options options) {
        SparkSession spark = papers.sparkSession();
        JavaRDD<Item> outcomes = outcomes(papers, options).persist(StorageLevel.MEMORY_AND_DISK_SER());
        Dataset<Row> claims = ClaimSchema.parse(spark, ExtractJob.claimLines(outcomes), ClaimSchema.claims());
        Dataset<Row> errors = ClaimSchema.parse(spark, ExtractJob.errorLines(outcomes), ClaimSchema.errors());
        return new Output(claims, errors, outcomes);
    }

    private static JavaRDD<Item> outcomes(Dataset<Row> papers, Options options) {
        options.readOptions(); // a bad column path fails here, on the driver
        String rules = options.rules();
        long budget = options.budget();
        return papers.toJSON().javaRDD().mapPartitionsWithIndex((index, rows) -> {
            String name = "DataFrame partition " + index;
            PaperInput input = PaperInput.open(name, name, new Lines(rows), InputFormat.JSONL, options.readOptions());
            List<Item> out = new ArrayList<>();
            PaperGuard guard = null;
            try (input) {
                while (input.hasNext()) {
                    InputRecord r = input.next();
                    if (r instanceof ReadError e) {
                        out.add(new Failed(e.source(), e.line(), e.reason()));
                        continue;
                    }
                    PaperRecord p = (PaperRecord) r;
                    if (guard == null) guard = Engines.guard(rules, budget);
                    out.add(Extraction.extract(guard, new Read(index, p.line(), p.source(), p.paper().id(), p.paper().title(),
                            p.paper().abstractText())));
                }
            }
            return out.iterator();
        }, true);
    }

    /** The rows' JSON as one stream of JSON Lines, for claimx's reader. */
    private static final class Lines extends InputStream {
        private final Iterator<String> rows;
        private byte[] current = new byte[0];
        private int pos;

        Lines(Iterator<String> rows) {
            this.rows = rows;
        }

        private boolean fill() {
            while (pos >= current.length) {
                if (!rows.hasNext()) return false;
                current = (rows.next() + "\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? current[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
