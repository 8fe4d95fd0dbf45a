package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileFolder writes a folder mixing good articles with every kind of bad
// input, and returns its path.
func hostileFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"good.txt": " date 2025-08-18 Rescue teams searched collapsed buildings in the coastal town on Monday after a strong earthquake struck overnight.\n\nOfficials said at least 12 people were killed and dozens injured.\n",
		"good.html": `<!DOCTYPE html><html><head><title>Quake toll rises to 15</title>
<meta property="og:site_name" content="Coast Herald"><meta property="article:published_time" content="2025-08-19T08:00:00Z"></head>
<body><article><h1>Quake toll rises to 15</h1><p>The death toll from Monday's earthquake in the coastal town rose to 15 on Tuesday, officials said, as rescue teams kept searching collapsed buildings for survivors.</p>
<p>The regional governor said temporary shelters had been set up for more than 2,000 people whose homes were destroyed or declared unsafe by engineers.</p></article></body></html>`,
		"binary.txt":  "\x00\x01\x02PK\x03\x04\x00\x00binary\x00payload",
		"empty.html":  "",
		"latin1.txt":  "Caf\xe9 owners in the town said business had collapsed since the quake.",
		"mixed.jsonl": `{"id":"w1","title":"Aftershock shakes coast","text":"A strong aftershock shook the coastal town on Wednesday.","published":"2025-08-20","outlet":"Wire"}` + "\n" + `{"id":"w2", "title": broken` + "\n" + `{"id":"w3","title":"Aid arrives","text":"Aid convoys reached the coastal town on Thursday.","published":"2025-08-21","outlet":"Wire"}` + "\n",
		"notes.pdf":   "%PDF-1.4 not an article",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHostileFolder(t *testing.T) {
	dir := hostileFolder(t)
	db := filepath.Join(t.TempDir(), "s.db")
	r := storyline(t, "", "--db", db, "ingest", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, bad := range []string{"binary.txt", "empty.html", "latin1.txt", "mixed.jsonl:2"} {
		if !strings.Contains(r.stderr, bad) {
			t.Errorf("stderr does not name %s:\n%s", bad, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "notes.pdf") {
		t.Errorf("an unknown type in a folder is an error, want skipped:\n%s", r.stderr)
	}
	if !strings.Contains(r.stderr, "ingested 4, duplicates 0, skipped 1, failed 4") {
		t.Errorf("summary line wrong:\n%s", r.stderr)
	}

	// Again: nothing stored is lost or duplicated, and the status still tells.
	again := storyline(t, "", "--db", db, "ingest", dir)
	if again.code != 1 || !strings.Contains(again.stderr, "ingested 0, duplicates 4, skipped 1, failed 4") {
		t.Errorf("second run: exit %d\n%s", again.code, again.stderr)
	}
	list := storyline(t, "", "--db", db, "stories", "--format", "json")
	var sums []struct{ Articles int }
	if err := json.Unmarshal([]byte(list.stdout), &sums); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, s := range sums {
		total += s.Articles
	}
	if total != 4 {
		t.Errorf("%d articles stored, want 4", total)
	}
}

func TestDigestPrintsWhatSucceeded(t *testing.T) {
	dir := hostileFolder(t)
	r := storyline(t, "", "digest", "--format", "json", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	d := decode(t, r.stdout)
	n := 0
	for _, s := range d.Stories {
		n += len(s.Articles)
	}
	if n != 4 {
		t.Errorf("dossier holds %d articles, want the 4 good ones", n)
	}
}

func TestExplicitUnsupportedFileIsAnError(t *testing.T) {
	dir := hostileFolder(t)
	r := storyline(t, "", "digest", "--format", "json", filepath.Join(dir, "notes.pdf"))
	if r.code != 1 || !strings.Contains(r.stderr, "notes.pdf") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestMissingPath(t *testing.T) {
	r := storyline(t, "", "digest", "--format", "json", "/nonexistent/storyline-input")
	if r.code != 1 || !strings.Contains(r.stderr, "/nonexistent/storyline-input") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
