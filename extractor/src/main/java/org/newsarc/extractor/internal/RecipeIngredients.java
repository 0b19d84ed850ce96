package org.newsarc.extractor.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.newsarc.extractor.internal.TextRenderer.TextBlock;

/**
 * A recipe's ingredient list, when the page declares a schema.org {@code Recipe} that names its
 * ingredients and the text chosen as the article does not hold them: recipe pages often set the
 * ingredients in a box of their own beside the method, and the method alone is then the
 * densest prose. The list is found in the page by the ingredients' words, as the element
 * holding the most of them (at least 60%), the smallest of those, and placed before or after
 * the article's blocks as it stands in the page. Stateless, thread-safe.
 */
final class RecipeIngredients {

  /** Ingredients a recipe must name before its list is looked for. */
  private static final int MIN_INGREDIENTS = 3;
  /** Share of the ingredients a text must hold to count as holding the list. */
  private static final double FOUND_SHARE = 0.6;
  /** Share of an ingredient's words a text must hold for that ingredient to be in it. */
  private static final double WORD_SHARE = 0.66;
  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

  private RecipeIngredients() {}

  /**
   * {@code blocks} with the ingredient list added when it is missing from them.
   *
   * @param body the cleaned page body
   * @param main the element the article's blocks were rendered from
   * @param stats the page's text counts, to pass over long elements without building their text
   *     (its counts leave boilerplate out, so they never exceed an element's own text)
   */
  static List<TextBlock> addMissing(List<TextBlock> blocks, List<String> ingredients,
      Element body, Element main, TextStats stats) {
    List<Set<String>> wanted = new ArrayList<>();
    int chars = 0;
    for (String ingredient : ingredients) {
      Set<String> words = words(ingredient);
      if (!words.isEmpty()) {
        wanted.add(words);
        chars += ingredient.length();
      }
    }
    if (wanted.size() < MIN_INGREDIENTS) {
      return blocks;
    }
    StringBuilder text = new StringBuilder();
    for (TextBlock b : blocks) {
      text.append(b.text()).append('\n');
    }
    int needed = (int) Math.ceil(FOUND_SHARE * wanted.size());
    if (found(words(text.toString()), wanted) >= needed) {
      return blocks;
    }
    // The list box holds the ingredients and some headings and amounts, not pages of text.
    int longest = 5 * chars + 500;
    Element best = null;
    int bestFound = needed - 1;
    int bestLength = Integer.MAX_VALUE;
    int bestIndex = -1;
    int mainIndex = -1;
    Set<Element> mainAndAbove = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    for (Element a = main; a != null; a = a.parent()) {
      mainAndAbove.add(a);
    }
    int index = 0;
    for (Element e : body.getAllElements()) {
      index++;
      if (e == main) {
        mainIndex = index;
      }
      if (mainAndAbove.contains(e) || stats.get(e).text() > longest) {
        continue;
      }
      String t = e.text();
      if (t.length() > longest) {
        continue;
      }
      // The element holding the most ingredients, and of those the smallest.
      int found = found(words(t), wanted);
      if (found > bestFound || found == bestFound && best != null && t.length() < bestLength) {
        best = e;
        bestFound = found;
        bestLength = t.length();
        bestIndex = index;
      }
    }
    if (best == null) {
      return blocks;
    }
    // Names inside the box are no guide: ingredient tables are often named like headers.
    List<TextBlock> list = TextRenderer.render(best, Set.of());
    if (list.isEmpty()) {
      return blocks;
    }
    List<TextBlock> out = new ArrayList<>(blocks.size() + list.size());
    boolean before = mainIndex < 0 || bestIndex < mainIndex;
    if (before) {
      out.addAll(list);
      out.addAll(blocks);
    } else {
      out.addAll(blocks);
      out.addAll(list);
    }
    return out;
  }

  /** How many of the {@code wanted} ingredients {@code words} holds. */
  private static int found(Set<String> words, List<Set<String>> wanted) {
    int found = 0;
    for (Set<String> ingredient : wanted) {
      int have = 0;
      for (String w : ingredient) {
        if (words.contains(w)) {
          have++;
        }
      }
      if (have >= WORD_SHARE * ingredient.size()) {
        found++;
      }
    }
    return found;
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
