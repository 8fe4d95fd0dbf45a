package engine

import "github.com/storyline-news/storyline/internal/store/sqlite"

var _ = sqlite.Open
