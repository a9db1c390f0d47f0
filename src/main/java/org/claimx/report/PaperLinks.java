package org.claimx.report;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The link of a paper, from what the input says of it: an arXiv id ("2401.00001", "cs/0112017"), a DOI
 * ("10.48550/arXiv.2401.00001"), or a URL (an OpenAlex or Semantic Scholar id is one), in the id or in
 * the fields that ride along ({@code url}, {@code doi}, {@code arxiv_id}, {@code externalIds.ArXiv},
 * {@code externalIds.DOI}). Null when nothing makes one: a link is never guessed.
 */
public final class PaperLinks {
    private static final Pattern ARXIV = Pattern.compile("(?i)(?:arxiv:)?(\\d{4}\\.\\d{4,5}(?:v\\d+)?|[a-z][a-z.-]*/\\d{7}(?:v\\d+)?)");
    private static final Pattern DOI = Pattern.compile("(?i)(?:doi:)?(10\\.\\d{4,9}/\\S+)");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");

    private PaperLinks() {}

    /** The link an id makes by itself, or null. */
    public static String ofId(String id) {
        if (id == null) return null;
        String s = id.strip();
        if (URL.matcher(s).matches()) return s;
        var m = ARXIV.matcher(s);
        if (m.matches()) return "https://arxiv.org/abs/" + m.group(1);
        m = DOI.matcher(s);
        if (m.matches()) return "https://doi.org/" + m.group(1);
        return null;
    }

    /** The link of a paper: its id's, else the first ride-along field that makes one. */
    public static String of(String id, Map<String, Object> extra) {
        String link = ofId(id);
        if (link != null) return link;
        Object ids = extra.get("externalIds");
        Map<?, ?> external = ids instanceof Map<?, ?> m ? m : Map.of();
        for (Object v : List.of(n(extra.get("arxiv_id")), n(extra.get("doi")), n(external.get("ArXiv")), n(external.get("DOI")),
                n(extra.get("url")))) {
            if (v instanceof String s && (link = ofId(s)) != null) return link;
        }
        return null;
    }

    private static Object n(Object o) { return o == null ? "" : o; }
}
