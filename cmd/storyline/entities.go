package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/storyline-news/storyline/internal/archive"
	"github.com/storyline-news/storyline/internal/dossier"
)

func (e *env) entitiesCommand(g *globalFlags) *cobra.Command {
	var format, typ, cursor string
	var limit int
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the archive's people, organisations and places, most mentioned first",
		Long: `entities lists the entities of the whole archive: one per person,
organisation, place or other name, whatever its spelling in each story
(Zelenskiy, Zelensky and Zelenskyy are one), with its mentions, stories and
quotes summed over the stories. It reads what ingest and reindex stored and
analyses nothing. A page ends with the cursor of the next one (--cursor).`,
		Example: `  storyline entities --limit 20
  storyline entities --type person --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			f, err := e.outputFormat(format, "text", "json")
			if err != nil {
				return err
			}
			switch typ {
			case "", "person", "organization", "location", "other":
			default:
				return fmt.Errorf("--type must be person, organization, location or other, not %q", typ)
			}
			eng, err := e.openExisting(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			list, err := archive.New(eng.Store()).Entities(cmd.Context(), archive.EntityQuery{Type: typ, Limit: limit, Cursor: cursor})
			if err != nil {
				return err
			}
			if f == "json" {
				return writeJSON(e.stdout, list)
			}
			return writeEntityTable(e.stdout, list)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&typ, "type", "", "only entities of this type: person, organization, location or other")
	cmd.Flags().IntVar(&limit, "limit", archive.DefaultLimit, fmt.Sprintf("entities per page (at most %d)", archive.MaxLimit))
	cmd.Flags().StringVar(&cursor, "cursor", "", "start after the page that printed this cursor")
	return cmd
}

func writeEntityTable(w io.Writer, list dossier.EntityList) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ENTITY\tTYPE\tMENTIONS\tSTORIES\tQUOTES\tNAME")
	for _, e := range list.Entities {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", e.ID, e.Type, e.Mentions, e.Stories, e.Quotes, oneLine(e.Name))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d of %d entities", len(list.Entities), list.Total)
	if list.Next != nil {
		fmt.Fprintf(w, "; next page: --cursor %s", *list.Next)
	}
	_, err := fmt.Fprintln(w)
	return err
}

func (e *env) entityCommand(g *globalFlags) *cobra.Command {
	var format, storiesCursor, quotesCursor string
	var limit int
	cmd := &cobra.Command{
		Use:   "entity ID",
		Short: "Show one entity across the archive: names, roles, days, stories and quotes",
		Long: `entity shows one entity of the archive (an ID from "storyline entities", or
the ID a story's dossier gives it): its spellings, its roles with the days
they span, its mentions by day, and the newest of its stories and quotes,
a page at a time (--stories-cursor, --quotes-cursor).`,
		Example: `  storyline entity e-3f2a9c0d1e4b5a6c
  storyline entity e-3f2a9c0d1e4b5a6c --format json --limit 200`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			f, err := e.outputFormat(format, "text", "json")
			if err != nil {
				return err
			}
			eng, err := e.openExisting(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer closeStore(eng, &err)
			page, err := archive.New(eng.Store()).Entity(cmd.Context(), args[0], archive.PageQuery{
				StoriesLimit: limit, StoriesCursor: storiesCursor, QuotesLimit: limit, QuotesCursor: quotesCursor})
			if err != nil {
				return err
			}
			if f == "json" {
				return writeJSON(e.stdout, page)
			}
			return writeEntityPage(e.stdout, page)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().IntVar(&limit, "limit", 20, fmt.Sprintf("stories and quotes per page (at most %d)", archive.MaxLimit))
	cmd.Flags().StringVar(&storiesCursor, "stories-cursor", "", "start the stories after the page that printed this cursor")
	cmd.Flags().StringVar(&quotesCursor, "quotes-cursor", "", "start the quotes after the page that printed this cursor")
	return cmd
}

func writeEntityPage(w io.Writer, p dossier.EntityPage) error {
	en := p.Entity
	fmt.Fprintf(w, "%s (%s, %s)\n", oneLine(en.Name), en.Type, en.ID)
	fmt.Fprintf(w, "%s in %s, %s", count(en.Mentions, "mention"), count(en.Stories, "story"), count(en.Quotes, "quote"))
	if n := len(en.Days); n > 0 {
		fmt.Fprintf(w, ", on %d days from %s to %s", n, en.Days[0].Day, en.Days[n-1].Day)
	}
	fmt.Fprintln(w)
	if len(en.Aliases) > 0 {
		names := make([]string, len(en.Aliases))
		for i, a := range en.Aliases {
			names[i] = fmt.Sprintf("%s (%d)", oneLine(a.Name), a.Stories)
		}
		fmt.Fprintf(w, "Written: %s\n", strings.Join(names, ", "))
	}
	for _, r := range en.Roles {
		span := ""
		if r.First != nil {
			span = ", " + dateSpan(r.First, r.Last)
		}
		fmt.Fprintf(w, "Role: %s (%s%s)\n", oneLine(r.Role), count(r.Stories, "story"), span)
	}
	fmt.Fprintf(w, "\nStories (%d of %d, newest first):\n", len(p.Stories.Items), p.Stories.Total)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, s := range p.Stories.Items {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.ID, dateSpan(s.FirstPublished, s.LastPublished), count(s.Mentions, "mention"), oneLine(s.Headline))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if p.Stories.Next != nil {
		fmt.Fprintf(w, "  more: --stories-cursor %s\n", *p.Stories.Next)
	}
	fmt.Fprintf(w, "\nQuotes (%d of %d, newest first):\n", len(p.Quotes.Items), p.Quotes.Total)
	for _, q := range p.Quotes.Items {
		text := oneLine(q.Text)
		if q.Direct {
			text = "“" + text + "”"
		}
		fmt.Fprintf(w, "  %s\n    %s, %s\n", text, q.Story, q.Article)
	}
	if p.Quotes.Next != nil {
		fmt.Fprintf(w, "  more: --quotes-cursor %s\n", *p.Quotes.Next)
	}
	return nil
}

// count writes "1 story", "2 stories", "3 mentions".
func count(n int, one string) string {
	switch {
	case n == 1:
		return "1 " + one
	case strings.HasSuffix(one, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(one, "y"))
	}
	return fmt.Sprintf("%d %ss", n, one)
}
