#!/usr/bin/env python3
"""Writes the real-shaped sample inputs of testdata/inputs/ (one per input format) from real arXiv
abstracts: each file has the record layout of the dump it stands for, with the abstracts laid out as
that source lays them out (hard-wrapped in the Kaggle snapshot, as an inverted index in OpenAlex).

  python3 testdata/inputs/make_samples.py RECORDS.json   (a JSON list of {id, title, abstract, categories})
"""
import csv, io, json, sys, textwrap
from xml.sax.saxutils import escape

recs = json.load(open(sys.argv[1]))
for r in recs:
    if isinstance(r["categories"], str):
        r["categories"] = r["categories"].split()
out = "testdata/inputs/"


def wrap(s, lead=""):
    return "\n".join(lead + l for l in textwrap.wrap(s, 80))


# Kaggle arXiv metadata snapshot: hyphenated keys, hard-wrapped title and abstract with leading spaces.
with open(out + "kaggle-arxiv.jsonl", "w") as f:
    for r in recs[0:3]:
        f.write(json.dumps({"id": r["id"], "submitter": "A. Author", "authors": "A. Author, B. Author",
                            "title": wrap(r["title"], " ").strip(), "comments": "12 pages, 4 figures",
                            "journal-ref": None, "doi": None, "report-no": None, "categories": " ".join(r["categories"]),
                            "license": "http://creativecommons.org/licenses/by/4.0/",
                            "abstract": "  " + wrap(r["abstract"], "  ").strip() + "\n",
                            "versions": [{"version": "v1", "created": "Mon, 6 Nov 2023 10:00:00 GMT"}],
                            "update_date": "2023-11-07", "authors_parsed": [["Author", "A.", ""], ["Author", "B.", ""]]}) + "\n")


def inverted(text):
    index = {}
    for i, w in enumerate(text.split()):
        index.setdefault(w, []).append(i)
    return index


def work(r, n):
    return {"id": "https://openalex.org/W43%08d" % n, "doi": "https://doi.org/10.48550/arxiv." + r["id"],
            "title": r["title"], "display_name": r["title"], "publication_year": 2023, "type": "preprint",
            "ids": {"openalex": "https://openalex.org/W43%08d" % n, "doi": "https://doi.org/10.48550/arxiv." + r["id"]},
            "primary_location": {"landing_page_url": "https://arxiv.org/abs/" + r["id"]},
            "cited_by_count": 3, "abstract_inverted_index": inverted(r["abstract"])}


with open(out + "openalex-works.jsonl", "w") as f:
    for n, r in enumerate(recs[3:5]):
        f.write(json.dumps(work(r, n)) + "\n")
    no_abs = work(recs[5], 9)
    no_abs["abstract_inverted_index"] = None
    f.write(json.dumps(no_abs) + "\n")

with open(out + "openalex-page.json", "w") as f:
    json.dump({"meta": {"count": 2, "db_response_time_ms": 31, "page": 1, "per_page": 25},
               "results": [work(r, 20 + n) for n, r in enumerate(recs[5:7])], "group_by": []}, f, indent=2)
    f.write("\n")

with open(out + "s2-papers.jsonl", "w") as f:
    for n, r in enumerate(recs[6:8]):
        f.write(json.dumps({"paperId": "%040x" % (0xabc000 + n), "externalIds": {"ArXiv": r["id"], "CorpusId": 265000000 + n},
                            "url": "https://www.semanticscholar.org/paper/%040x" % (0xabc000 + n), "title": r["title"],
                            "abstract": r["abstract"], "year": 2023, "venue": "arXiv.org"}) + "\n")
    f.write(json.dumps({"paperId": "%040x" % 0xdef000, "externalIds": {"DOI": "10.1000/xyz"}, "title": "A paper without an abstract",
                        "abstract": None, "year": 2021}) + "\n")

with open(out + "hf-daily.json", "w") as f:
    json.dump([{"paper": {"id": r["id"], "authors": [{"name": "A. Author"}], "publishedAt": "2023-11-06T10:00:00.000Z",
                          "title": r["title"], "summary": r["abstract"], "upvotes": 12},
                "publishedAt": "2023-11-07T01:00:00.000Z", "title": r["title"], "numComments": 1} for r in recs[8:10]], f, indent=2)
    f.write("\n")

entries = ""
for r in recs[10:12]:
    entries += f"""  <entry>
    <id>http://arxiv.org/abs/{r["id"]}v2</id>
    <updated>2023-11-08T12:00:00Z</updated>
    <published>2023-11-06T10:00:00Z</published>
    <title>{escape(wrap(r["title"], "  ").strip())}</title>
    <summary>  {escape(wrap(r["abstract"], "  ").strip())}
</summary>
    <author>
      <name>A. Author</name>
    </author>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="{r["categories"][0]}" scheme="http://arxiv.org/schemas/atom"/>
""" + "".join(f'    <category term="{c}" scheme="http://arxiv.org/schemas/atom"/>\n' for c in r["categories"]) + """  </entry>
"""
with open(out + "arxiv-atom.xml", "w") as f:
    f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3Dcat%3Acs.LG%26id_list%3D%26start%3D0%26max_results%3D2" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=cat:cs.LG&amp;id_list=&amp;start=0&amp;max_results=2</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2023-11-08T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">2</opensearch:totalResults>
{entries}</feed>
""")

with open(out + "arxiv-atom-error.xml", "w") as f:
    f.write("""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D1234.12345%26start%3D0%26max_results%3D10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=1234.12345&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
  <updated>2023-11-08T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2023-11-08T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
""")

for name, sep in (("papers.csv", ","), ("papers.tsv", "\t")):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["id", "title", "abstract", "categories"])
    for r in recs[2:4]:
        w.writerow([r["id"], r["title"], r["abstract"].replace(". ", ".\n", 1) if sep == "," else r["abstract"], " ".join(r["categories"])])
    w.writerow(["", "A row without an id", "Some abstract.", "cs.LG"])
    open(out + name, "w").write(buf.getvalue())

with open(out + "custom-fields.jsonl", "w") as f:
    for r in recs[2:4]:
        f.write(json.dumps({"meta": {"arxiv": r["id"], "year": 2023}, "text": {"heading": r["title"], "body": r["abstract"]}}) + "\n")
