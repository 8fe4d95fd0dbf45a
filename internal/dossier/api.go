package dossier

// ArticleResponse is the body of GET /api/articles/{id}: one article and
// what the stages found in it.
type ArticleResponse struct {
	// Article is the article's metadata as the dossier lists it.
	Article Article `json:"article"`
	// Story is the ID of the article's story, or null.
	Story *string `json:"story"`
	// Annotation is the article's text and what the stages found in it
	// (spec/annotations.md).
	Annotation Annotation `json:"annotation"`
}

// IngestResponse is the body of a successful POST /api/articles.
type IngestResponse struct {
	// Read counts the articles read from the body.
	Read int `json:"read"`
	// Ingested counts the articles newly stored; the others were stored
	// before (Duplicates).
	Ingested   int `json:"ingested"`
	Duplicates int `json:"duplicates"`
	// Articles are the IDs of the articles read, in input order.
	Articles []string `json:"articles"`
	// Failed lists the inputs that could not be read.
	Failed []IngestFailure `json:"failed"`
}

// IngestFailure names one input of a POST /api/articles body that could
// not be read, and why.
type IngestFailure struct {
	Ref   string `json:"ref"`
	Error string `json:"error"`
}

// Error is the body of every failed API response, and of /healthz when
// the store cannot be read.
type Error struct {
	// Error is the message to show: what was wrong with the request, or a
	// generic one for a server error.
	Error string `json:"error"`
}

// Health is the body of a successful GET /healthz.
type Health struct {
	// Status is "ok".
	Status string `json:"status"`
	// Articles and Stories count what the store holds.
	Articles int `json:"articles"`
	Stories  int `json:"stories"`
}
