package io.shoal.node.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.node.internal.http.Fields;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredHeadTest {
  private static final String DATE = "Sun, 06 Nov 1994 08:49:37 GMT";

  @Test
  void fieldsComeBackInOrderWithTheirSpellingRepeatsAndOddValues() {
    Fields fields = Fields.builder()
        .add("Cache-Control", "max-age=60")
        .add("etag", "\"lower-case name\"")
        .add("X-Custom", "one")
        .add("Link", "</a.css>; rel=preload")
        .add("X-Custom", "two")
        .add("Link", "</b.js>; rel=preload")
        .add("X-Empty", "")
        .add("X-Obs-Text", "caf\u00e9 \u00ff\u0080 na\u00efve")
        .add("Vary", "Accept-Encoding, Save-Data")
        .add("Content-Type", "text/html; charset=utf-8")
        .add("X-Long", "x".repeat(200))
        .add("X-Longer", "y".repeat(20_000))
        .add("Date", DATE)
        .build();
    byte[] head = StoredHead.encode(fields, null);

    assertThat(pairs(StoredHead.fields(head))).isEqualTo(pairs(fields));
    assertThat(StoredHead.original(head)).isNull();
  }

  @Test
  void lookupIgnoresCaseAndGivesTheFirstOfRepeatedFields() {
    byte[] head = StoredHead.encode(Fields.builder().add("x-custom", "one").add("X-Custom", "two")
        .add("ETag", "\"a\"").add("Vary", "Save-Data").build(), null);

    assertThat(StoredHead.get(head, "X-CUSTOM")).isEqualTo("one");
    assertThat(StoredHead.get(head, "etag")).isEqualTo("\"a\"");
    assertThat(StoredHead.get(head, "vary")).isEqualTo("Save-Data");
    assertThat(StoredHead.get(head, "Last-Modified")).isNull();
  }

  @Test
  void aCanonicalDateTakesFourBytesAndEveryOtherDateFormStaysAsSent() {
    String[] kept = {
        "Sunday, 06-Nov-94 08:49:37 GMT",      // RFC 850
        "Sun Nov  6 08:49:37 1994",            // asctime
        "Mon, 06 Nov 1994 08:49:37 GMT",       // wrong day of the week
        "Sun, 6 Nov 1994 08:49:37 GMT",        // one-digit day
        "Sun, 06 Nov 1994 08:49:37 UTC",
        "Sun, 06 nov 1994 08:49:37 GMT",
        "Thu, 01 Jan 1970 00:00:00 GMT ",
        "Wed, 31 Dec 1969 23:59:59 GMT",       // before the epoch
        "Fri, 31 Feb 2023 10:00:00 GMT",
        "0",
    };
    for (String value : kept) {
      Fields f = Fields.builder().add("Expires", value).build();
      assertThat(StoredHead.fields(StoredHead.encode(f, null)).get("Expires")).as(value).isEqualTo(value);
    }
    byte[] coded = StoredHead.encode(Fields.builder().add("Date", DATE).add("Last-Modified", DATE).build(), null);
    assertThat(coded).hasSize(10);
    assertThat(StoredHead.get(coded, "Last-Modified")).isEqualTo(DATE);
  }

  @Test
  void maxAgeAloneIsANumberAndEveryOtherCacheControlStaysAsSent() {
    String[] values = {"max-age=0", "max-age=86400", "max-age=999999999", "max-age=007", "max-age=2147483648",
        "MAX-AGE=5", "max-age=5, public", "max-age=", "max-age=-1", "max-age=\"60\"", "no-cache"};
    for (String value : values) {
      Fields f = Fields.builder().add("Cache-Control", value).build();
      assertThat(StoredHead.fields(StoredHead.encode(f, null)).get("Cache-Control")).as(value).isEqualTo(value);
    }
    assertThat(StoredHead.encode(Fields.builder().add("Cache-Control", "max-age=86400").build(), null)).hasSize(4);
    Fields other = Fields.builder().add("X-Note", "max-age=60").build();
    assertThat(StoredHead.encode(other, null)).hasSize(3 + 1 + 10);
  }

  @Test
  void theOriginalsValidatorsRideAlongWithoutBeingFieldsOfTheResponse() {
    Fields fields = Fields.builder().add("ETag", "\"v-mobile\"").add("Content-Type", "image/jpeg").build();
    Fields original = Fields.builder().add("ETag", "\"v\"").add("Last-Modified", DATE).build();
    byte[] head = StoredHead.encode(fields, original);

    assertThat(pairs(StoredHead.fields(head))).isEqualTo(pairs(fields));
    assertThat(pairs(StoredHead.original(head))).isEqualTo(pairs(original));
    assertThat(StoredHead.get(head, "ETag")).isEqualTo("\"v-mobile\"");

    byte[] none = StoredHead.encode(fields, Fields.empty());
    assertThat(StoredHead.original(none)).isNotNull();
    assertThat(StoredHead.original(none).size()).isZero();
    assertThat(pairs(StoredHead.fields(none))).isEqualTo(pairs(fields));
  }

  @Test
  void aKnownNameIsOneByteAndAnyOtherThreeOnceSeen() {
    byte[] head = StoredHead.encode(Fields.builder().add("Content-Type", "text/html").build(), null);
    assertThat(head).hasSize(1 + 1 + "text/html".length());
    byte[] own = StoredHead.encode(Fields.builder().add("X-Served-By", "a").add("x-served-by", "b").build(), null);
    assertThat(own).hasSize(2 * (3 + 1 + 1));
    assertThat(StoredHead.get(own, "X-SERVED-BY")).isEqualTo("a");
    assertThat(pairs(StoredHead.fields(own))).containsExactly("X-Served-By: a", "x-served-by: b");
  }

  @Test
  void readsTheDocumentedLayout() {
    byte[] head = {
        0, 6, 'X', '-', 'N', 'o', 't', 'e', 2, 'h', 'i',                  // a name of its own
        4, 3, '"', 'a', '"',                                           // ETag
        (byte) 0x83, 0x2E, (byte) 0xBC, (byte) 0x98, (byte) 0xA1,      // Date, 784111777 s
        0x41, (byte) 0x80, 0x01,                                       // Cache-Control: max-age=128
        (byte) 0xFF, 6, 1, 'x'};                                       // the original's Last-Modified
    assertThat(pairs(StoredHead.fields(head))).containsExactly("X-Note: hi", "ETag: \"a\"",
        "Date: Sun, 06 Nov 1994 08:49:37 GMT", "Cache-Control: max-age=128");
    assertThat(pairs(StoredHead.original(head))).containsExactly("Last-Modified: x");
  }

  private static List<String> pairs(Fields fields) {
    List<String> out = new ArrayList<>();
    fields.forEach((n, v) -> out.add(n + ": " + v));
    return out;
  }
}
