package extract

import "testing"

func TestDateFromURL(t *testing.T) {
	tests := []struct {
		name, url, want string
	}{
		{"year/month/day path", "https://www.example.net/news/2020/10/04/some-title", "2020-10-04"},
		{"month and day without zeros", "https://example.org/politics/2022/8/26/title", "2022-08-26"},
		{"compact yyyymmdd segment", "https://example.com/world/20201017-some-title", "2020-10-17"},
		{"compact date followed by an id", "https://arabic.example.com/world/202010171234567/", "2020-10-17"},
		{"date query parameter", "https://example.com/article?id=55&date=2023-09-20", "2023-09-20"},
		{"a numeric id is not a date", "https://example.com/news/48219937", ""},
		{"an id that looks like yyyymmdd but is no date", "https://example.com/a/20201399", ""},
		{"a year alone is not a date", "https://example.com/2020/war-in-karabakh", ""},
		{"no URL", "seeds/001.txt", ""},
		{"a far-future year is an id", "https://example.com/news/2999/01/02/x", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, how, ok := dateFromURL(tt.url)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tt.want {
				t.Errorf("dateFromURL(%q): got %q (%s), want %q", tt.url, s, how, tt.want)
			}
		})
	}
}

// With only the URL, relative dates resolve against the URL's date and
// the basis is reported.
func TestExtractInfersPublicationFromSource(t *testing.T) {
	text := "The Azerbaijani army entered the town of Zangilan today, the defence ministry said."
	res, err := Extract(text, Options{Source: "https://news.example.com/2020/10/28/zangilan"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Published != "2020-10-28" || res.PublishedHow != "inferred: URL path /2020/10/28/" {
		t.Errorf("published got %q (%s), want 2020-10-28 from the URL path", res.Published, res.PublishedHow)
	}
	if got := brief(res); len(got) != 1 || got[0] != "zangilan 2020-10-28 AZE military_capture" {
		t.Errorf("got %v, want zangilan 2020-10-28 AZE", got)
	}
}

// TestHyphenatedDayInTheURL: a day written yyyy-mm-dd (or yyyy-m-d) as a path segment or
// inside a slug dates the page, after a full date the page prints near its
// top (the URL may hold the day a file was stored).
func TestHyphenatedDayInTheURL(t *testing.T) {
	for _, tc := range []struct{ url, text, want string }{
		{"https://archive.example.com/archives/la-xpm-1993-04-04-mn-19160-story.html", "Armenian forces took Kalbajar today.", "1993-04-04"},
		{"http://articles.example.com/1993-09-05/news/strategic-town", "Armenian forces took Fizuli today.", "1993-09-05"},
		{"https://www.example.org/file/2020-11-27/kelbajar", "Wednesday, November 25, 2020 - 4:50pm\n\nResidents left Kalbajar.", "2020-11-25"},
		{"https://www.example.org/news/2020-13-45-title", "Armenian forces took Kalbajar today.", ""},
		// month and day without their leading zero at the end of a slug
		{"https://www.example.org/news-detail/army-enters-lachin-city-2022-8-26", "The army entered Lachin city today.", "2022-08-26"},
	} {
		res, err := Extract(tc.text, Options{Source: tc.url})
		if err != nil {
			t.Fatal(err)
		}
		if res.Published != tc.want {
			t.Errorf("%s: published %q (%s), want %q", tc.url, res.Published, res.PublishedHow, tc.want)
		}
	}
}

// TestSiteStampBeforeTheNews: a full date at the top that comes before a
// change the page tells as done is a site's stamp, not the page's date.
func TestSiteStampBeforeTheNews(t *testing.T) {
	expectProposed(t, "Loading\n• 21 Aug, 2019\nKalbajar was returned to Azerbaijan on 25 November 2020 under the ceasefire agreement.", "", "kalbajar 2020-11-25 AZE")
}
