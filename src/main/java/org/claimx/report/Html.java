package org.claimx.report;

/** A self-contained HTML page (no network, no framework) whose tables sort when a header is clicked. */
final class Html {
    private Html() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n<style>\n"
                + "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}\n"
                + "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}\n"
                + "th{background:#f3f3f3;cursor:pointer}td.n{text-align:right;white-space:nowrap}.ev{color:#666;font-size:.9em;max-width:40em}\n"
                + ".high{color:#a00}.medium{color:#a60}.low{color:#666}\n</style></head><body>\n<h1>" + esc(title) + "</h1>\n"
                + body
                + "<script>\n"
                + "function sortBy(t,i,asc){var rows=Array.from(t.tBodies[0].rows);\n"
                + " rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,y=b.cells[i].dataset.v||b.cells[i].textContent;\n"
                + "  var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});\n"
                + " rows.forEach(function(r){t.tBodies[0].appendChild(r);});}\n"
                + "document.querySelectorAll('table.sortable').forEach(function(t){\n"
                + " t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){\n"
                + "  var asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';sortBy(t,i,asc);});});});\n"
                + "// #sort=N sorts every table by column N (0-based) on load: a sorted view to link to.\n"
                + "var m=/sort=(\\d+)/.exec(location.hash);if(m)document.querySelectorAll('table.sortable').forEach(function(t){sortBy(t,+m[1],true);});\n"
                + "document.body.dataset.ready='1';\n"
                + "</script>\n</body></html>\n";
    }
}
