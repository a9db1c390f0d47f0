package org.claimx.io;

/**
 * Where a record keeps its id, title and abstract, when the user says so ({@code --id-field},
 * {@code --title-field}, {@code --abstract-field}): a JSON path with dots for nested objects
 * ({@code paper.summary}), or a column name for CSV/TSV. A null path keeps that field's default.
 */
public record FieldPaths(String id, String title, String abstractField) {
    public static final FieldPaths DEFAULT = new FieldPaths(null, null, null);

    public FieldPaths {
        for (String p : new String[] {id, title, abstractField}) {
            if (p != null && (p.isBlank() || p.startsWith(".") || p.endsWith(".") || p.contains(".."))) {
                throw new IllegalArgumentException("not a field path: '" + p + "'");
            }
        }
    }

    public boolean any() { return id != null || title != null || abstractField != null; }

    String idOr(String d) { return id != null ? id : d; }

    String titleOr(String d) { return title != null ? title : d; }

    String abstractOr(String d) { return abstractField != null ? abstractField : d; }
}
