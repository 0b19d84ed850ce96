package org.newsarc.archive.stories;

import java.util.List;

/**
 * Wraps a labelled story text in the page of one of four made-up outlets, each with its own
 * layout and noise (navigation, share bar, advertisement slots, a related-stories box in the
 * middle of the article, newsletter pitch, cookie notice, comments), as the extractor meets them.
 */
final class OutletPages {
  private OutletPages() {}

  static final int OUTLETS = 4;

  static String page(int outlet, String text) {
    List<String> lines = text.strip().lines().toList();
    String title = lines.get(0);
    String[] paras = String.join("\n", lines.subList(1, lines.size())).strip().split("\n\\s*\n");
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < paras.length; i++) {
      body.append("<p>").append(esc(paras[i].strip())).append("</p>\n");
      if (i == 1) {
        body.append(MIDDLE[outlet]);
      }
    }
    return switch (outlet) {
      case 0 -> "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
          + esc(title) + " | The Harbour Herald</title>"
          + "<meta property=\"og:site_name\" content=\"The Harbour Herald\"></head><body>"
          + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a>"
          + "</nav><div class=\"cookie-banner\">We use cookies to improve your experience."
          + " <button>Accept all</button></div><article><h1>" + esc(title) + "</h1>"
          + "<p class=\"byline\">By Staff Reporter</p><div class=\"share\">Share on Facebook"
          + " Share on X Email</div>" + body + "</article><footer>© The Harbour Herald."
          + " All rights reserved. Contact us | Privacy</footer></body></html>";
      case 1 -> "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
          + esc(title) + "</title></head><body><header><ul><li>Politics</li><li>Business"
          + "</li><li>Opinion</li></ul></header><main><div class=\"story\"><h1 class=\"headline\">"
          + esc(title) + "</h1><div class=\"story-body\">" + body + "</div></div>"
          + "<aside class=\"newsletter\">Sign up for our morning briefing. Get the day's top"
          + " stories in your inbox.</aside><section class=\"comments\"><h3>Comments (12)</h3>"
          + "<p>Great reporting, thanks!</p><p>About time something happened.</p></section>"
          + "</main></body></html>";
      case 2 -> "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
          + esc(title) + " - Daily Ledger</title></head><body><div id=\"top-ad\">Advertisement"
          + "</div><div class=\"content\"><h1>" + esc(title) + "</h1><time datetime="
          + "\"2024-05-07T09:00:00Z\">7 May 2024</time>" + body + "<div class=\"ad-slot\">"
          + "Advertisement</div><div class=\"tags\">Tags: news, local</div></div>"
          + "<div class=\"most-read\"><h3>Most read</h3><ul><li><a href=\"/a\">Ten tips for a"
          + " better garden</a></li><li><a href=\"/b\">Local team wins cup final</a></li></ul>"
          + "</div></body></html>";
      default -> "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
          + esc(title) + "</title></head><body><div class=\"browser-warning\">Your browser is"
          + " not supported. Please upgrade.</div><article class=\"post\"><header><h1>"
          + esc(title) + "</h1></header><div class=\"entry-content\">" + body
          + "<p class=\"credit\">Photo: Agency</p></div><nav class=\"post-nav\"><a href=\"/p\">"
          + "Previous story</a> <a href=\"/n\">Next story</a></nav></article></body></html>";
    };
  }

  private static final String[] MIDDLE = {
      "<div class=\"related\"><h4>Related</h4><ul><li><a href=\"/r1\">Council elections:"
          + " what you need to know</a></li><li><a href=\"/r2\">Weather: a warm week ahead</a>"
          + "</li></ul></div>\n",
      "<div class=\"ad-slot\">Advertisement</div>\n",
      "<aside class=\"also-read\">Also read: <a href=\"/x\">Markets close higher</a></aside>\n",
      "<div class=\"podcast-widget\">Listen to our daily podcast</div>\n"};

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
