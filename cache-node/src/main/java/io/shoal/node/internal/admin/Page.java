package io.shoal.node.internal.admin;

import java.util.Map;

/** The admin web page: the node's status as a small HTML table that refreshes itself. */
final class Page {
  private Page() {}

  static String html(String nodeId, Map<String, Object> status) {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">")
        .append("<title>shoal node ").append(escape(nodeId)).append("</title></head><body>")
        .append("<h1>shoal node ").append(escape(nodeId)).append("</h1><table>");
    rows(b, "", status);
    b.append("</table><p><a href=\"/status\">/status</a> <a href=\"/metrics\">/metrics</a> ")
        .append("<a href=\"/health\">/health</a></p></body></html>\n");
    return b.toString();
  }

  private static void rows(StringBuilder b, String prefix, Map<?, ?> map) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() instanceof Map) {
        rows(b, prefix + e.getKey() + ".", (Map<?, ?>) e.getValue());
      } else {
        b.append("<tr><th align=\"left\">").append(escape(prefix + e.getKey())).append("</th><td>")
            .append(escape(String.valueOf(e.getValue()))).append("</td></tr>");
      }
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
