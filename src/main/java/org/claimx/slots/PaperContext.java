package org.claimx.slots;

/** What the slot filler knows about the paper as a whole: its own system's name, if it names one. */
public record PaperContext(String systemName, String systemRule) {
    public static final PaperContext NONE = new PaperContext(null, null);
}
