package org.claimx.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.claimx.cli.ReadingOptions;
import org.claimx.cli.RulesLocation;
import org.claimx.cli.VersionProvider;
import org.claimx.io.FieldPaths;
import org.claimx.io.InputFormat;
import org.claimx.io.ReadError;
import org.claimx.io.ReadOptions;
import org.claimx.spark.Items.Counts;
import org.claimx.spark.Items.Extracted;
import org.claimx.spark.Items.Failed;
import org.claimx.spark.Items.Item;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * {@code claimx extract} on Apache Spark:
 * {@code spark-submit --class org.claimx.spark.ExtractJob claimx.jar --input PATH --output DIR}.
 *
 * <p>The plan: the driver lists the input files; each file is read by one task with claimx's own
 * readers ({@link Inputs}); the records are then shuffled by paper id into {@code --partitions}
 * partitions, which spreads the papers of even a single gzip file over every core and finds the
 * papers that stand in more than one file; each partition is extracted by its executor's one engine
 * ({@link Engines}, {@link Extraction}). The results are kept (memory, then disk) while the claims,
 * the errors and the counts are written from them, so that no paper is extracted twice.
 */
@Command(name = "ExtractJob", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        header = "Extracts claims from papers on Apache Spark and writes them as Parquet or JSON Lines.",
        description = {"claimx extract on Spark: spark-submit --class org.claimx.spark.ExtractJob claimx.jar --input PATH --output DIR.",
                "Inputs are files, folders or globs on any file system Spark reads (local, HDFS, s3a://, gs://), read as",
                "claimx extract reads them (JSON Lines, the Kaggle arXiv snapshot, OpenAlex, Semantic Scholar, JSON, Atom, CSV,",
                "text; .gz read transparently). Each file is read by one task; the papers are then spread by id over",
                "--partitions partitions, and each executor builds one engine and uses it for all its partitions.",
                "Writes DIR/claims (one row per claim; Parquet with the columns of claim.schema.json, value and bits nested,",
                "or JSON Lines exactly as claimx extract writes them) and DIR/errors (one row per record that could not be read",
                "or extracted: source, line, reason). At the end, standard error gets the counts, which add up to the records",
                "read: papers + errors + duplicates (the same paper again), and the rate.",
                "Exit status: 0 all records processed, 1 some records failed or the job failed, 2 usage error."})
public final class ExtractJob implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "PATH", required = true,
            description = "A file, a folder (its files, recursively) or a glob; repeat for more. Read in the order given.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", required = true,
            description = "Where DIR/claims and DIR/errors are written; it must not exist yet.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (claims in the columns of claim.schema.json) or jsonl (claimx extract's lines). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions to extract in; default: 4 per core of the application (spark.default.parallelism x 4).")
    int partitions;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rules folder, as the executors see it (default: $CLAIMX_RULES, rules/ beside the jar or the build, else"
                    + " the rules inside claimx.jar). Edited rules on a cluster: --archives rules.zip#rules and --rules rules.")
    Path rules;

    @Mixin
    ReadingOptions reading = new ReadingOptions();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit (which sets it): default local[*].")
    String master;

    @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
    boolean quiet;

    /** What the job is to do, in values that travel to the executors. */
    public record Settings(List<String> inputs, String output, boolean parquet, InputFormat inputFormat, String idField,
                           String titleField, String abstractField, int partitions, String rulesDir, int maxAbstractChars,
                           int maxLineBytes, long maxPaperMs) implements Serializable {
        ReadOptions readOptions() {
            return new ReadOptions(new FieldPaths(idField, titleField, abstractField), maxLineBytes, maxAbstractChars);
        }
    }

    /** What a run counted, and how long it took. */
    public record Summary(long records, long papers, long claims, long errors, long duplicates, double seconds) {
        public boolean addsUp() {
            return records == papers + errors + duplicates;
        }

        public String line() {
            return String.format("papers %d, claims %d, errors %d%s (%.1f s, %.1f papers/s); records read %d", papers, claims, errors,
                    duplicates > 0 ? ", duplicates " + duplicates : "", seconds, seconds > 0 ? papers / seconds : 0.0, records);
        }
    }

    public static void main(String[] args) {
        int status = run(System.err, args);
        // Only a return from main lets spark-submit stop the context first; exit only to report a failure.
        if (status != 0) System.exit(status);
    }

    /** Runs the job's command line, printing messages to {@code err}; returns the exit status. */
    public static int run(PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new ExtractJob());
        cli.setUsageHelpWidth(120);
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                err.println("claimx: " + ex.getMessage());
                return 2;
            }
            err.println("claimx: error: " + describe(ex));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("claimx: " + ex.getMessage() + " (see 'ExtractJob --help')");
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        boolean parquet = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "parquet" -> true;
            case "jsonl" -> false;
            default -> throw new IllegalArgumentException("--format takes parquet or jsonl, not '" + format + "'");
        };
        if (partitions < 0) throw new IllegalArgumentException("--partitions must be at least 1: " + partitions);
        long maxPaperMs = reading.maxPaperMs();
        InputFormat in = reading.inputFormat();
        // Without --rules each executor finds claimx's rules itself (bundled in the jar it runs): nothing to ship.
        Path rulesDir = RulesLocation.resolve(rules);
        Settings s = new Settings(inputs, output, parquet, in, reading.idField, reading.titleField, reading.abstractField, partitions,
                rules == null ? null : rules.toString(), reading.maxAbstractChars, reading.maxLineBytes, maxPaperMs);
        s.readOptions(); // a bad field path or limit is a usage error here, not on the executors

        SparkConf conf = new SparkConf().setAppName("claimx extract");
        if (!conf.contains("spark.master")) conf.setMaster(master != null ? master : "local[*]");
        else if (master != null) conf.setMaster(master);
        // Progress on standard error: Spark's console bar (tasks done of each stage), unless -q or set otherwise.
        if (!quiet && !conf.contains("spark.ui.showConsoleProgress")) conf.set("spark.ui.showConsoleProgress", "true");
        boolean local = conf.get("spark.master").startsWith("local");
        if (local && !Files.isDirectory(rulesDir)) {
            throw new IllegalArgumentException("no rules folder: " + rulesDir + (rules == null ? " (give --rules DIR or set $CLAIMX_RULES)" : ""));
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            spark.sparkContext().setLogLevel("WARN");
            Summary sum = run(spark, s);
            if (!quiet) {
                System.err.println("claimx: " + sum.line());
                System.err.println("claimx: wrote " + output + "/claims and " + output + "/errors (" + (parquet ? "Parquet" : "JSON Lines") + ")");
            }
            if (!sum.addsUp()) {
                System.err.println("claimx: error: the counts do not add up: records " + sum.records() + " != papers + errors + duplicates");
                return 1;
            }
            return sum.errors() > 0 ? 1 : 0;
        } finally {
            spark.stop();
        }
    }

    /**
     * Runs the job in {@code spark}: reads the inputs, extracts, writes {@code output}/claims and
     * {@code output}/errors, and returns the counts.
     *
     * @throws IllegalArgumentException for an input that matches nothing or an output that exists
     */
    public static Summary run(SparkSession spark, Settings s) throws IOException {
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(s.output());
        FileSystem outFs = out.getFileSystem(hadoop);
        if (outFs.exists(out)) throw new IllegalArgumentException("output exists: " + s.output() + " (give a new folder)");
        List<Inputs.Split> splits = Inputs.list(s.inputs(), hadoop);
        Map<String, String> settings = Inputs.settings(hadoop);
        int partitions = s.partitions() > 0 ? s.partitions() : Math.max(1, jsc.defaultParallelism() * 4);
        InputFormat forced = s.inputFormat();
        String rulesDir = s.rulesDir();
        long maxPaperMs = s.maxPaperMs();

        JavaRDD<Item> read = jsc.parallelize(splits, splits.size())
                .flatMap(split -> Inputs.read(split, settings, forced, s.readOptions()));
        JavaRDD<Item> outcomes = read.mapToPair(i -> new Tuple2<>(key(i), i))
                .groupByKey(partitions)
                .mapPartitions(groups -> Extraction.run(groups, rulesDir, maxPaperMs))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            Counts counts = outcomes.map(Counts::of).fold(Counts.ZERO, Counts::plus);
            write(spark, claimLines(outcomes), ClaimSchema.claims(), s.parquet(), s.output() + "/claims");
            write(spark, errorLines(outcomes), ClaimSchema.errors(), s.parquet(), s.output() + "/errors");
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Summary(counts.records(), counts.papers(), counts.claims(), counts.errors(), counts.duplicates(), seconds);
        } finally {
            outcomes.unpersist(false);
        }
    }

    /** Papers meet by id in the shuffle; anything else by where it was read (a group of its own, or with its like). */
    private static String key(Item i) {
        if (i instanceof Items.Read r) return "p:" + r.id();
        if (i instanceof Items.Stats st) return "s:" + st.source();
        if (i instanceof Failed f) return "e:" + f.source() + ":" + f.line();
        throw new IllegalStateException("not read: " + i);
    }

    static JavaRDD<String> claimLines(JavaRDD<Item> outcomes) {
        return outcomes.flatMap(o -> o instanceof Extracted e ? e.claims().iterator() : Collections.<String>emptyIterator());
    }

    static JavaRDD<String> errorLines(JavaRDD<Item> outcomes) {
        return outcomes.flatMap(o -> o instanceof Failed f
                ? List.of(ClaimSchema.line(new ReadError(f.source(), f.line(), f.reason()))).iterator()
                : Collections.<String>emptyIterator());
    }

    /** JSON lines as text (jsonl, claimx extract's own lines), or as Parquet of {@code schema}. */
    static void write(SparkSession spark, JavaRDD<String> lines, org.apache.spark.sql.types.StructType schema, boolean parquet, String dir) {
        if (!parquet) {
            spark.createDataset(lines.rdd(), Encoders.STRING()).write().text(dir);
            return;
        }
        ClaimSchema.parse(spark, lines, schema).write().parquet(dir);
    }

    /** A failed job's reason in one line: the first cause that claimx raised, or else the deepest. */
    static String describe(Throwable t) {
        Throwable deepest = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            deepest = c;
            if (c instanceof IllegalStateException || c instanceof java.io.UncheckedIOException) break;
        }
        String msg = deepest.getMessage();
        String first = msg == null ? deepest.getClass().getSimpleName() : msg.strip().lines().findFirst().orElse("");
        return first.length() > 400 ? first.substring(0, 400) + "..." : first;
    }
}
