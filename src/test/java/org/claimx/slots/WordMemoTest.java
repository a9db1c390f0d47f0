package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WordMemoTest {
    @Test
    void givesTheLookupsAnswerAndAsksItOncePerWord() {
        AtomicInteger calls = new AtomicInteger();
        WordMemo<String> memo = new WordMemo<>(w -> {
            calls.incrementAndGet();
            return w.startsWith("x") ? null : w.toUpperCase();
        });
        assertEquals("AB", memo.get("ab"));
        assertEquals("AB", memo.get("ab"));
        assertNull(memo.get("xy"));
        assertNull(memo.get("xy"));
        assertEquals(2, calls.get(), "a null answer is remembered too");
    }

    @Test
    void pastItsBoundItStillAnswersWithoutRemembering() {
        AtomicInteger calls = new AtomicInteger();
        WordMemo<Integer> memo = new WordMemo<>(w -> {
            calls.incrementAndGet();
            return w.length();
        });
        for (int i = 0; i < WordMemo.MAX_WORDS; i++) memo.get("w" + i);
        assertEquals(7, memo.get("unknown"));
        assertEquals(7, memo.get("unknown"));
        assertEquals(WordMemo.MAX_WORDS + 2, calls.get());
    }
}
