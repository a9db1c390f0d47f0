package org.claimx.serve;

import org.owasp.encoder.Encode;

/**
 * The page at {@code GET /}: paste an abstract (or pick the sample), and see the text with every
 * claim marked in place beside a table of the tuples; hovering a row marks its span. Plain HTML and
 * JavaScript, no build step, no framework; it calls {@code POST /v1/extract}.
 */
final class Page {
    private Page() {}

    static final String SAMPLE_TITLE = "mllm-NPU: Fast On-device LLM Inference";
    static final String SAMPLE = "We present mllm-NPU, the first LLM inference system that efficiently leverages on-device NPU offloading. "
            + "Compared to competitive baselines, mllm-NPU achieves 22.4x faster prefill speed and 30.7x energy savings on average, "
            + "and up to 32.8x speedup in an end-to-end real-world application. It reduces memory by up to 73% with W4A8 quantization.";

    static String html() {
        String t = TEMPLATE.replace("{{sample_title}}", Encode.forJavaScript(SAMPLE_TITLE));
        return t.replace("{{sample}}", Encode.forJavaScript(SAMPLE));
    }

    /** The page itself, {@code org/claimx/serve/page.html}: HTML, CSS and script in one file, as a browser reads it. */
    private static final String TEMPLATE = resource();

    private static String resource() {
        try (var in = Page.class.getResourceAsStream("page.html")) {
            if (in == null) throw new IllegalStateException("org/claimx/serve/page.html is missing from the build");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
