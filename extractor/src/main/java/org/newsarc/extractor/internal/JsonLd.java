package org.newsarc.extractor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What the page's JSON-LD blocks say about the article: the most article-like object found in
 * any block (inside {@code @graph}, arrays and {@code mainEntity} too), with references by
 * {@code @id} resolved, plus the name of the web site. Lenient: blocks that do not parse are
 * skipped. Immutable once built; thread-safe.
 */
public final class JsonLd {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  /** Types that describe one article, best first. */
  private static final List<String> ARTICLE_TYPES = List.of(
      "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
      "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "article",
      "blogposting", "liveblogposting", "socialmediaposting", "techarticle", "scholarlyarticle",
      "report", "review", "recipe", "howto", "qapage", "discussionforumposting", "posting",
      "videoobject", "podcastepisode", "event", "product", "webpage", "itempage",
      "collectionpage", "aboutpage", "profilepage");

  /** Types that describe a page gathering other pages (a section, tag or search page). */
  private static final Set<String> COLLECTION_TYPES = Set.of("collectionpage", "searchresultspage");

  /** Types that describe an item for sale. */
  private static final Set<String> PRODUCT_TYPES = Set.of("product", "productgroup", "productmodel");

  /** Types that describe a discussion: a forum thread or a question with its answers. */
  private static final Set<String> DISCUSSION_TYPES = Set.of("qapage", "discussionforumposting");

  private static final JsonLd EMPTY = new JsonLd(null, null, Map.of(), false, false, false,
      List.of());
  /** Most ingredients read from one page. */
  private static final int MAX_INGREDIENTS = 200;

  private final JsonNode article;
  private final String websiteName;
  private final Map<String, JsonNode> byId;
  private final boolean collection;
  private final boolean product;
  private final boolean discussion;
  private final List<String> ingredients;

  private JsonLd(JsonNode article, String websiteName, Map<String, JsonNode> byId,
      boolean collection, boolean product, boolean discussion, List<String> ingredients) {
    this.article = article;
    this.websiteName = websiteName;
    this.byId = byId;
    this.collection = collection;
    this.product = product;
    this.discussion = discussion;
    this.ingredients = ingredients;
  }

  public static JsonLd of(PageIndex index) {
    List<JsonNode> objects = new ArrayList<>();
    for (Element script : index.jsonLd) {
      String json = script.data().strip();
      if (json.isEmpty() || json.length() > 2_000_000) {
        continue;
      }
      try {
        flatten(MAPPER.readTree(json), objects, 0);
      } catch (JsonProcessingException | RuntimeException e) {
        // Broken JSON-LD is common; the other sources still count.
      }
    }
    if (objects.isEmpty()) {
      return EMPTY;
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode o : objects) {
      String id = o.path("@id").asText("");
      if (!id.isEmpty() && o.size() > 1) {
        byId.putIfAbsent(id, o);
      }
    }
    JsonNode best = null;
    int bestRank = Integer.MAX_VALUE;
    String website = null;
    boolean collection = false;
    boolean product = false;
    boolean discussion = false;
    List<String> ingredients = new ArrayList<>();
    for (JsonNode o : objects) {
      for (String type : types(o)) {
        if (type.equals("recipe")) {
          addIngredients(ingredients, o.get("recipeIngredient"));
          addIngredients(ingredients, o.get("ingredients"));
        }
        collection |= COLLECTION_TYPES.contains(type);
        product |= PRODUCT_TYPES.contains(type);
        discussion |= DISCUSSION_TYPES.contains(type);
        int rank = ARTICLE_TYPES.indexOf(type);
        if (rank >= 0 && rank < bestRank) {
          best = o;
          bestRank = rank;
        }
        if (type.equals("website") && website == null) {
          website = text(o.get("name"));
        }
      }
    }
    return new JsonLd(best, website, byId, collection, product, discussion,
        List.copyOf(ingredients));
  }

  private static void addIngredients(List<String> out, JsonNode list) {
    if (list == null) {
      return;
    }
    for (JsonNode item : list.isArray() ? list : List.of(list)) {
      String s = item.isTextual() ? item.asText().strip() : "";
      if (!s.isEmpty() && out.size() < MAX_INGREDIENTS && !out.contains(s)) {
        out.add(s);
      }
    }
  }

  /** The ingredients a schema.org Recipe on the page lists, in its order; empty when none. */
  public List<String> ingredients() {
    return ingredients;
  }

  private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
    if (node == null || depth > 8) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        flatten(n, out, depth + 1);
      }
    } else if (node.isObject()) {
      out.add(node);
      flatten(node.get("@graph"), out, depth + 1);
      JsonNode main = node.get("mainEntity");
      if (main != null && main.isObject()) {
        flatten(main, out, depth + 1);
      }
    }
  }

  static Set<String> types(JsonNode o) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode t = o.get("@type");
    if (t != null && t.isArray()) {
      t.forEach(x -> types.add(x.asText("").toLowerCase(Locale.ROOT)));
    } else if (t != null) {
      types.add(t.asText("").toLowerCase(Locale.ROOT));
    }
    return types;
  }

  /** True when some object describes a product or a product group: a shop's item page. */
  public boolean isProduct() {
    return product;
  }

  /** True when some object declares a forum thread or a question and its answers. */
  public boolean isDiscussion() {
    return discussion;
  }

  /** True when some object declares the page a collection or search results page. */
  public boolean isCollection() {
    return collection;
  }

  /** True when the chosen object is a news or blog article, not just a web page. */
  public boolean isArticle() {
    if (article == null) {
      return false;
    }
    for (String t : types(article)) {
      int rank = ARTICLE_TYPES.indexOf(t);
      if (rank >= 0 && rank <= ARTICLE_TYPES.indexOf("scholarlyarticle")) {
        return true;
      }
    }
    return false;
  }

  public String headline() {
    String h = field("headline");
    return h != null ? h : field("name");
  }

  public String datePublished() {
    String d = field("datePublished");
    return d != null ? d : field("dateCreated");
  }

  public String dateModified() { return field("dateModified"); }
  public String description() { return field("description"); }
  public String language() { return field("inLanguage"); }
  public String articleBody() { return field("articleBody"); }
  public String websiteName() { return websiteName; }

  public String url() {
    String u = field("url");
    if (u == null && article != null) {
      JsonNode m = article.get("mainEntityOfPage");
      u = m == null ? null : m.isObject() ? text(m.get("@id")) : text(m);
    }
    return u;
  }

  public String publisherName() {
    return article == null ? null : name(resolve(article.get("publisher")));
  }

  public String image() {
    if (article == null) {
      return null;
    }
    JsonNode img = resolve(article.get("image"));
    if (img != null && img.isArray() && img.size() > 0) {
      img = resolve(img.get(0));
    }
    if (img == null) {
      return null;
    }
    return img.isObject() ? text(img.get("url")) : text(img);
  }

  public List<String> authors() {
    List<String> names = new ArrayList<>();
    if (article == null) {
      return names;
    }
    JsonNode a = article.get("author");
    if (a == null) {
      a = article.get("creator");
    }
    if (a != null && a.isArray()) {
      for (JsonNode x : a) {
        addName(names, resolve(x));
      }
    } else {
      addName(names, resolve(a));
    }
    return names;
  }

  public List<String> keywords() {
    List<String> out = new ArrayList<>();
    if (article == null) {
      return out;
    }
    JsonNode k = article.get("keywords");
    if (k != null && k.isArray()) {
      k.forEach(x -> addSplit(out, x.asText("")));
    } else if (k != null && k.isTextual()) {
      addSplit(out, k.asText());
    }
    return out;
  }

  private static void addSplit(List<String> out, String s) {
    for (String part : s.split(",")) {
      String p = part.strip();
      if (!p.isEmpty() && !out.contains(p)) {
        out.add(p);
      }
    }
  }

  private static void addName(List<String> names, JsonNode a) {
    String n = name(a);
    if (n != null && !names.contains(n)) {
      names.add(n);
    }
  }

  private static String name(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isObject()) {
      return text(n.get("name"));
    }
    return text(n);
  }

  private JsonNode resolve(JsonNode n) {
    if (n != null && n.isObject() && n.size() == 1 && n.has("@id")) {
      JsonNode target = byId.get(n.get("@id").asText(""));
      return target == null ? n : target;
    }
    return n;
  }

  private String field(String name) {
    return article == null ? null : text(article.get(name));
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.size() == 0 ? null : text(n.get(0));
    }
    if (n.isObject()) {
      return text(n.has("@value") ? n.get("@value") : n.get("name"));
    }
    String s = n.asText("").strip();
    if (s.indexOf('&') >= 0) {
      s = org.jsoup.parser.Parser.unescapeEntities(s, false);
    }
    return s.isEmpty() ? null : s;
  }
}
