package org.claimx.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.claimx.nlp.RuleBook;
import org.claimx.pipeline.PaperGuard;
import org.claimx.pipeline.SharedEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long repetitions of what each value rule starts on or repeats ("1 x 1 x ...", "10x10x...",
 * "1, 1, ...") neither throw nor take long: once, 1,600 repetitions of "1 x " overflowed the stack in
 * java.util.regex and ended the run. Each shape goes through the engine at 10 KB and 1 MB, and
 * through every value rule's own pattern at 10 KB and 50 KB (the engine leaves sentences of over
 * 5,000 characters to no rule, so only this second test shows that the rules themselves hold).
 */
class LongRepetitionProperties {
    /** Each rule's trigger, or a prefix and what repeats after it ("up to|2x, "). */
    static final List<String> SHAPES = List.of(
            "1 x ", "10x", "1x1", "1.", "1.1.", "(", "$", "$1 ", "\\textbf{", "\\", "~", "1,000,", "1, ", "1%, ", "[|1, ",
            "between 1 and ", "from 1 to ", "1 to ", "1-", "± 1 ", "+1 ", "W4A8 ", "INT4 ", "4-bit ", "1B ", "1 billion ",
            "1.5 times ", "up to|2x, ", "up to|2%, ", "at least 2x, ", "a|1.", "a|-1", "a|.1", "a1.1", "v|1.", "v1.", "1/",
            "a|1/", "a-", "a.", "Ab-1 ", "A100 (1 GB) ", "1s of ", "budget of $1 ", "than ", "one ", "half ", "1 2 ");

    /** The engine on one paper, 10 KB: far under a paper's budget (the figures measured are 0.1 s and less). */
    static final Duration SMALL = Duration.ofSeconds(2);
    /** The engine on one paper, 1 MB (measured: 0.5 to 1.1 s, mostly normalising). */
    static final Duration LARGE = Duration.ofMillis(PaperGuard.DEFAULT_MAX_PAPER_MS / 2);

    static String repeat(String shape, int size) {
        int bar = shape.indexOf('|');
        String unit = bar < 0 ? shape : shape.substring(bar + 1);
        StringBuilder b = new StringBuilder(bar < 0 ? "The grid is " : shape.substring(0, bar));
        while (b.length() < size) b.append(unit);
        return b.toString();
    }

    static Stream<Arguments> shapesAndSizes() {
        List<Arguments> out = new ArrayList<>();
        for (String s : SHAPES) {
            out.add(Arguments.of(s, 10_000));
            out.add(Arguments.of(s, 1_000_000));
        }
        return out.stream();
    }

    @BeforeAll
    static void warmUp() {
        SharedEngine.get().extract(new Paper("warm", "", "Our method is 2.4x faster and uses 35% less memory than the baseline."));
    }

    @ParameterizedTest(name = "''{0}'' to {1} characters")
    @MethodSource("shapesAndSizes")
    void longRepetitionsGoThroughTheEngineWithoutThrowingInBoundedTime(String shape, int size) {
        String text = repeat(shape, size);
        Duration budget = size > 100_000 ? LARGE : SMALL;
        // Preemptively: on its own thread (an ordinary worker's stack), and a run that hangs fails instead.
        List<Claim> claims = assertTimeoutPreemptively(budget, () -> SharedEngine.get().extract(new Paper("p", "", text)));
        for (Claim c : claims) {
            assertEquals(c.value().text(), c.span().of(text), c::toString);
        }
    }

    static Stream<Arguments> shapesForRules() {
        List<Arguments> out = new ArrayList<>();
        for (String s : SHAPES) {
            out.add(Arguments.of(s, 10_000));
            out.add(Arguments.of(s, 50_000));
        }
        return out.stream();
    }

    private static Map<String, Pattern> patterns;

    private static synchronized Map<String, Pattern> patterns() {
        if (patterns == null) {
            ValueLexicon lexicon = ValueLexicon.load(Path.of("rules/lexicon"));
            patterns = RuleBook.load(Path.of("rules/values"), lexicon.macros()).textPatterns();
        }
        return patterns;
    }

    @ParameterizedTest(name = "every rule on ''{0}'' to {1} characters")
    @MethodSource("shapesForRules")
    void everyValueRuleMatchesLongRepetitionsInLittleStackAndLinearTime(String shape, int size) throws Exception {
        String text = repeat(shape, size);
        assertTrue(patterns().size() > 40, "the value rules are loaded");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> slowest = new AtomicReference<>("");
        // 256 KB of stack, a quarter of a worker's: 1,600 turns of '1 x ' took more than a whole one.
        Thread t = new Thread(null, () -> {
            long worst = 0;
            for (Map.Entry<String, Pattern> rule : patterns().entrySet()) {
                long start = System.nanoTime();
                try {
                    Matcher m = rule.getValue().matcher(text);
                    while (m.find()) {
                        // every match counted, none kept
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, new AssertionError(rule.getKey() + " on '" + shape + "': " + e, e));
                    return;
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms > worst) {
                    worst = ms;
                    slowest.set(rule.getKey() + " " + ms + " ms");
                }
            }
        }, "rules", 256 * 1024);
        t.setDaemon(true);
        t.start();
        // Linear: 50 KB through all rules takes half a second; a quadratic one (as '[\w-]*\d' was on
        // 'a-a-a-...') takes minutes.
        t.join(size > 20_000 ? 10_000 : 4_000);
        if (t.isAlive()) fail("the value rules on '" + shape + "' to " + size + " characters did not end in time; slowest so far: " + slowest.get());
        if (failure.get() != null) throw new AssertionError(failure.get().getMessage(), failure.get());
    }
}
