package web

import "github.com/storyline-news/storyline/internal/engine"

var _ *engine.Engine
