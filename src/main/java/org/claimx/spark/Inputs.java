package org.claimx.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.claimx.io.InputFormat;
import org.claimx.io.InputRecord;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.io.ReadError;
import org.claimx.io.ReadOptions;
import org.claimx.io.ReadStats;
import org.claimx.spark.Items.Failed;
import org.claimx.spark.Items.Item;
import org.claimx.spark.Items.Read;
import org.claimx.spark.Items.Stats;

/**
 * The job's inputs: listed on the driver (files, folders and globs on any Hadoop file system:
 * local, HDFS, S3, GCS), read on the executors, one task per file, with claimx's own
 * {@link PaperInput}: the same gzip handling, format detection, readers, field paths and checks as
 * {@code claimx extract}, and the same error records.
 */
final class Inputs {
    private Inputs() {}

    /** One input file: its place in the input order, its Hadoop path, and its name in messages. */
    record Split(int index, String path, String name) implements Serializable {}

    /**
     * The files of {@code inputs} in order: a file as given; a folder's files (recursively, hidden and
     * {@code _}-files such as {@code _SUCCESS} left out) and a glob's matches, sorted by path.
     *
     * @throws IllegalArgumentException naming an input that matches nothing
     */
    static List<Split> list(List<String> inputs, Configuration conf) throws IOException {
        List<Split> out = new ArrayList<>();
        for (String input : inputs) {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) throw new IllegalArgumentException("no such input: " + input);
            Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
            boolean plain = matches.length == 1 && matches[0].isFile() && !hasGlob(input);
            for (FileStatus m : matches) {
                if (m.isFile()) {
                    out.add(new Split(out.size(), m.getPath().toString(), plain ? input : name(m.getPath())));
                    continue;
                }
                List<Path> files = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                while (it.hasNext()) {
                    Path f = it.next().getPath();
                    if (!hidden(f, m.getPath())) files.add(f);
                }
                files.sort(Comparator.comparing(Path::toString));
                for (Path f : files) out.add(new Split(out.size(), f.toString(), name(f)));
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no input files in " + String.join(", ", inputs));
        return out;
    }

    private static boolean hasGlob(String s) {
        return s.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Hidden below {@code root}: a name starting with {@code .} or {@code _}, as Spark's own sources skip them. */
    private static boolean hidden(Path f, Path root) {
        for (Path p = f; p != null && !p.equals(root); p = p.getParent()) {
            String n = p.getName();
            if (n.startsWith(".") || n.startsWith("_")) return true;
        }
        return false;
    }

    /** A local file is named by its path, as on claimx's command line; others by their URI. */
    private static String name(Path p) {
        String s = p.toString();
        return s.startsWith("file:") ? p.toUri().getPath() : s;
    }

    /** The Hadoop settings of the driver (spark.hadoop.*, credentials), for the executors to open files with. */
    static Map<String, String> settings(Configuration conf) {
        Map<String, String> m = new HashMap<>();
        for (Map.Entry<String, String> e : conf) m.put(e.getKey(), e.getValue());
        return m;
    }

    /**
     * The records of one input, read lazily as the task pulls them, then its {@link Stats}. A file
     * that cannot be opened is one error record, as in claimx extract.
     */
    static Iterator<Item> read(Split split, Map<String, String> settings, InputFormat forced, ReadOptions options) {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        InputStream stream;
        try {
            Path p = new Path(split.path());
            stream = p.getFileSystem(conf).open(p);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().lines().findFirst().orElse("");
            return List.<Item>of(new Failed(split.name(), 1, "cannot open input file: " + why),
                    new Stats(split.name(), 1, 0, 1, 0)).iterator();
        }
        String fileName = new Path(split.path()).getName();
        PaperInput input = PaperInput.open(split.name(), fileName, stream, forced, options);
        TaskContext task = TaskContext.get();
        if (task != null) task.addTaskCompletionListener((TaskCompletionListener) t -> closeQuietly(input));
        return new Iterator<>() {
            private final Deque<Item> ready = new ArrayDeque<>();
            private boolean done;

            @Override
            public boolean hasNext() {
                if (!ready.isEmpty()) return true;
                if (done) return false;
                if (input.hasNext()) {
                    InputRecord r = input.next();
                    if (r instanceof PaperRecord pr) {
                        ready.add(new Read(split.index(), pr.line(), pr.source(), pr.paper().id(), pr.paper().title(), pr.paper().abstractText()));
                    } else {
                        ReadError e = (ReadError) r;
                        ready.add(new Failed(e.source(), e.line(), e.reason()));
                    }
                } else {
                    done = true;
                    ReadStats s = input.stats();
                    ready.add(new Stats(split.name(), s.records(), s.papers(), s.errors(), s.duplicates()));
                    closeQuietly(input);
                }
                return true;
            }

            @Override
            public Item next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.poll();
            }
        };
    }

    private static void closeQuietly(PaperInput input) {
        try {
            input.close();
        } catch (IOException e) {
            // A close failure after the last record was read is reported by PaperInput itself; nothing is lost here.
        }
    }
}
