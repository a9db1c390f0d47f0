package org.claimx.slots;

/** What the slot filler knows about the paper as a whole: its own system's name, if it names one. */
public record PaperContext(String systemName, String systemRule, java.util.Map<String, String> otherNames) {
    public static final PaperContext NONE = new PaperContext(null, null, java.util.Map.of());

    public PaperContext(String systemName, String systemRule) {
        this(systemName, systemRule, java.util.Map.of());
    }

    /** The same context, also knowing every other name the paper introduces (name to rule). */
    public PaperContext withOtherNames(java.util.Map<String, String> names) {
        java.util.Map<String, String> other = new java.util.LinkedHashMap<>(names);
        if (systemName != null) other.remove(systemName);
        return new PaperContext(systemName, systemRule, java.util.Collections.unmodifiableMap(other));
    }
}
