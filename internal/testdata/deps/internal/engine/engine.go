package engine

import "github.com/storyline-news/storyline/internal/store"

var _ store.Store
