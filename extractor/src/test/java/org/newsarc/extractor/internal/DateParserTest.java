package org.newsarc.extractor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "14 March 2022|2022-03-14",
      "31. Mai 2012|2012-05-31",
      "15 августа 2016, 13:43|2016-08-15",
      "3 мая 2019|2019-05-03",
      "12 листопада 2020|2020-11-12",
      "7 października 2021|2021-10-07",
      "1 września 2020|2020-09-01",
      "القاهرة: الأربعاء، 07 أكتوبر 2020 12:19 م|2020-10-07",
      "2020-06-29T00:16:15+03:00|2020-06-29T00:16:15+03:00"})
  void readsDates(String raw, String iso) {
    assertEquals(iso, DateParser.parse(raw));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"15 Blabla 2016", "Seite 2016", "99 мая 2019"})
  void rejectsWhatIsNoDate(String raw) {
    assertNull(DateParser.parse(raw));
  }
}
