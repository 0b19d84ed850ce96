package org.newsarc.extractor;

import java.util.List;
import java.util.Objects;

/**
 * The article found in one HTML page: its clean main text and its metadata. Every field but
 * {@code url}, {@code text}, the lists and {@code articleSignal} may be {@code null} when the
 * page does not say. Dates are ISO 8601 strings, with an offset when the page gives one.
 * Immutable and therefore thread-safe; use {@link #newBuilder()} to derive a changed copy.
 *
 * @param url the address the page was fetched from (the base for relative links)
 * @param title the headline, without " | Site" style suffixes
 * @param authors the authors in page order, never null
 * @param published publication date-time (ISO 8601)
 * @param modified last modification date-time (ISO 8601)
 * @param siteName the publication's name
 * @param language BCP 47 language tag
 * @param canonicalUrl the page's canonical URL, absolute
 * @param description the page's summary
 * @param tags keywords and section tags, never null
 * @param imageUrl the lead image, absolute
 * @param text the main text: paragraphs separated by a blank line
 * @param articleSignal how sure the extractor is that this page is one article, 0 to 1
 * @param charset the charset the page was decoded with
 * @param pageType what kind of page this is; when not given, {@code ARTICLE} for a page whose
 *     article signal is at least 0.5 and {@code PAGE} otherwise
 */
public record Article(
    String url,
    String title,
    List<String> authors,
    String published,
    String modified,
    String siteName,
    String language,
    String canonicalUrl,
    String description,
    List<String> tags,
    String imageUrl,
    String text,
    double articleSignal,
    String charset,
    PageType pageType) {

  public Article {
    Objects.requireNonNull(url, "url");
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    text = text == null ? "" : text;
    pageType = pageType != null ? pageType : articleSignal >= 0.5 ? PageType.ARTICLE : PageType.PAGE;
  }

  /** Number of words in {@link #text()}, counted as runs of letters or digits. */
  public int wordCount() {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean wordChar = Character.isLetterOrDigit(cp);
      if (wordChar && !inWord) {
        count++;
      }
      inWord = wordChar;
      i += Character.charCount(cp);
    }
    return count;
  }

  /** True when this page looks like a single article rather than a hub, listing or error page. */
  public boolean isArticle() {
    return articleSignal >= 0.5;
  }

  public static Builder newBuilder(String url) {
    return new Builder(url);
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Builds an {@link Article}; not thread-safe. */
  public static final class Builder {
    private String url;
    private String title;
    private List<String> authors = List.of();
    private String published;
    private String modified;
    private String siteName;
    private String language;
    private String canonicalUrl;
    private String description;
    private List<String> tags = List.of();
    private String imageUrl;
    private String text = "";
    private double articleSignal;
    private String charset;
    private PageType pageType;

    private Builder(String url) {
      this.url = url;
    }

    private Builder(Article a) {
      url = a.url;
      title = a.title;
      authors = a.authors;
      published = a.published;
      modified = a.modified;
      siteName = a.siteName;
      language = a.language;
      canonicalUrl = a.canonicalUrl;
      description = a.description;
      tags = a.tags;
      imageUrl = a.imageUrl;
      text = a.text;
      articleSignal = a.articleSignal;
      charset = a.charset;
      pageType = a.pageType;
    }

    public Builder url(String url) { this.url = url; return this; }
    public Builder title(String title) { this.title = title; return this; }
    public Builder authors(List<String> authors) { this.authors = authors; return this; }
    public Builder published(String published) { this.published = published; return this; }
    public Builder modified(String modified) { this.modified = modified; return this; }
    public Builder siteName(String siteName) { this.siteName = siteName; return this; }
    public Builder language(String language) { this.language = language; return this; }
    public Builder canonicalUrl(String canonicalUrl) { this.canonicalUrl = canonicalUrl; return this; }
    public Builder description(String description) { this.description = description; return this; }
    public Builder tags(List<String> tags) { this.tags = tags; return this; }
    public Builder imageUrl(String imageUrl) { this.imageUrl = imageUrl; return this; }
    public Builder text(String text) { this.text = text; return this; }
    public Builder articleSignal(double articleSignal) { this.articleSignal = articleSignal; return this; }
    public Builder charset(String charset) { this.charset = charset; return this; }
    public Builder pageType(PageType pageType) { this.pageType = pageType; return this; }

    public Article build() {
      return new Article(url, title, authors, published, modified, siteName, language,
          canonicalUrl, description, tags, imageUrl, text, articleSignal, charset, pageType);
    }
  }
}
