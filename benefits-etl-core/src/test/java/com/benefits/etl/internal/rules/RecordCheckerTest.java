package com.benefits.etl.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.benefits.etl.RejectReason;
import com.benefits.etl.internal.model.CheckedRecord;
import com.benefits.etl.internal.model.ValidEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Steps 1–3 of docs/spec.md, section 2 on single JSON values. Single quotes in inputs stand for
 * double.
 */
class RecordCheckerTest {
  private static final String TS = "2024-03-15T14:22:05Z";
  private static final long TS_MICROS = 1_710_512_525_000_000L;

  static CheckedRecord check(String json) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(json.replace('\'', '"'))) {
      p.nextToken();
      CheckedRecord r = RecordChecker.check(p);
      JsonToken last = p.currentToken();
      assertThat(p.nextToken())
          .as("the parser is left on the value's last token (was " + last + ")")
          .isNull();
      return r;
    }
  }

  static ValidEvent valid(String json) throws IOException {
    CheckedRecord r = check(json);
    assertThat(r.rejection()).as(json).isNull();
    assertThat(r.isValid()).isTrue();
    return r.event();
  }

  static Rejection rejected(String json, RejectReason reason) throws IOException {
    CheckedRecord r = check(json);
    assertThat(r.event()).as(json).isNull();
    assertThat(r.isValid()).isFalse();
    assertThat(r.rejection().reason()).as(json).isEqualTo(reason);
    return r.rejection();
  }

  // ---- a fully valid record --------------------------------------------------------------

  @Test
  void validRecordKeepsEveryField() throws IOException {
    ValidEvent e =
        valid(
            "{'user_id':' u1 ','event_type':'click','timestamp':'"
                + TS
                + "','value':12.5,"
                + "'metadata':{'device':'ios','page':'home','other':[1,{'x':2}]}}");
    assertThat(e).isEqualTo(new ValidEvent("u1", "click", TS, TS_MICROS, 12.5, "ios", "home"));
    assertThat(e.eventDate()).isEqualTo(19797);
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() throws IOException {
    assertThat(valid("{'user_id':'u1','timestamp':'" + TS + "'}"))
        .isEqualTo(new ValidEvent("u1", null, TS, TS_MICROS, null, null, null));
    assertThat(
            valid(
                "{'user_id':'u1','timestamp':'"
                    + TS
                    + "','event_type':null,'value':null,"
                    + "'metadata':null}"))
        .isEqualTo(new ValidEvent("u1", null, TS, TS_MICROS, null, null, null));
    assertThat(valid("{'user_id':'u1','timestamp':'" + TS + "','metadata':{}}"))
        .isEqualTo(new ValidEvent("u1", null, TS, TS_MICROS, null, null, null));
    assertThat(
            valid(
                "{'user_id':'u1','timestamp':'" + TS + "','metadata':{'device':null,'page':null}}"))
        .isEqualTo(new ValidEvent("u1", null, TS, TS_MICROS, null, null, null));
  }

  @Test
  void timestampTextIsKeptAsWritten() throws IOException {
    ValidEvent e = valid("{'user_id':'u1','timestamp':'2024-03-15 16:22:05+02'}");
    assertThat(e.timestamp()).isEqualTo("2024-03-15 16:22:05+02");
    assertThat(e.timestampMicros()).isEqualTo(TS_MICROS);
  }

  // ---- step 1: malformed_record ----------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1                   | the record is a number (1), expected a JSON object",
        "-2.5                | the record is a number (-2.5), expected a JSON object",
        "'abc'               | the record is a string (\"abc\"), expected a JSON object",
        "[1,{'a':2}]         | the record is an array, expected a JSON object",
        "[]                  | the record is an array, expected a JSON object",
        "null                | the record is null, expected a JSON object",
        "true                | the record is a boolean (true), expected a JSON object",
        "false               | the record is a boolean (false), expected a JSON object",
      })
  void nonObjectsAreMalformed(String json, String detail) throws IOException {
    assertThat(rejected(json, RejectReason.MALFORMED_RECORD).detail()).isEqualTo(detail);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'event_type':1           | event_type is a number (1), expected a string or null",
        "'event_type':true        | event_type is a boolean (true), expected a string or null",
        "'event_type':{'a':1}     | event_type is an object, expected a string or null",
        "'event_type':['click']   | event_type is an array, expected a string or null",
        "'value':'12'             | value is a string (\"12\"), expected a number or null",
        "'value':false            | value is a boolean (false), expected a number or null",
        "'value':{}               | value is an object, expected a number or null",
        "'value':[1]              | value is an array, expected a number or null",
        "'value':1e400            | value \"1e400\" does not fit a 64-bit float",
        "'value':-1e400           | value \"-1e400\" does not fit a 64-bit float",
        "'metadata':'ios'         | metadata is a string (\"ios\"), expected an object or null",
        "'metadata':[]            | metadata is an array, expected an object or null",
        "'metadata':7             | metadata is a number (7), expected an object or null",
        "'metadata':true          | metadata is a boolean (true), expected an object or null",
        "'metadata':{'device':1}  | metadata.device is a number (1), expected a string or null",
        "'metadata':{'device':{}} | metadata.device is an object, expected a string or null",
        "'metadata':{'device':[]} | metadata.device is an array, expected a string or null",
        "'metadata':{'page':false}| metadata.page is a boolean (false), expected a string or null",
        "'metadata':{'page':[1,2]}| metadata.page is an array, expected a string or null",
      })
  void badlyTypedFieldsAreMalformedAndTheDetailNamesFieldAndValue(String field, String detail)
      throws IOException {
    Rejection r =
        rejected(
            "{'user_id':'u1','timestamp':'" + TS + "'," + field + "}",
            RejectReason.MALFORMED_RECORD);
    assertThat(r.detail()).isEqualTo(detail);
  }

  @Test
  void hugeIntegerValueThatOverflowsADoubleIsMalformed() throws IOException {
    String huge = "1" + "0".repeat(400);
    Rejection r =
        rejected(
            "{'user_id':'u1','timestamp':'" + TS + "','value':" + huge + "}",
            RejectReason.MALFORMED_RECORD);
    assertThat(r.detail()).startsWith("value \"1000").contains("does not fit a 64-bit float");
  }

  @Test
  void malformedComesBeforeMissingUserIdAndInvalidTimestamp() throws IOException {
    assertThat(rejected("{'value':'x'}", RejectReason.MALFORMED_RECORD).detail())
        .isEqualTo("value is a string (\"x\"), expected a number or null");
    assertThat(
            rejected("{'user_id':null,'timestamp':5,'metadata':[]}", RejectReason.MALFORMED_RECORD)
                .detail())
        .isEqualTo("metadata is an array, expected an object or null");
    // the order of the keys in the object does not matter
    assertThat(
            rejected(
                    "{'timestamp':'bad','user_id':'','event_type':3}",
                    RejectReason.MALFORMED_RECORD)
                .detail())
        .isEqualTo("event_type is a number (3), expected a string or null");
  }

  @Test
  void missingUserIdComesBeforeInvalidTimestamp() throws IOException {
    assertThat(rejected("{'timestamp':'yesterday'}", RejectReason.MISSING_USER_ID).detail())
        .isEqualTo("user_id is absent");
  }

  // ---- step 2: missing_user_id -----------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "                        | user_id is absent",
        "'user_id':null,         | user_id is null",
        "'user_id':'',           | user_id \"\" is blank",
        "'user_id':'   ',        | user_id \"   \" is blank",
        "'user_id':'\\t',        | user_id \"\t\" is blank",
        "'user_id':1.5,          | user_id is a number (1.5), expected a string or an integer",
        "'user_id':1.0,          | user_id is a number (1.0), expected a string or an integer",
        "'user_id':1e3,          | user_id is a number (1e3), expected a string or an integer",
        "'user_id':true,         | user_id is a boolean (true), expected a string or an integer",
        "'user_id':false,        | user_id is a boolean (false), expected a string or an integer",
        "'user_id':{'id':'u1'},  | user_id is an object, expected a string or an integer",
        "'user_id':['u1'],       | user_id is an array, expected a string or an integer",
      })
  void missingUserId(String field, String detail) throws IOException {
    String json = "{" + (field == null ? "" : field) + "'timestamp':'" + TS + "'}";
    assertThat(rejected(json, RejectReason.MISSING_USER_ID).detail()).isEqualTo(detail);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "42                          | 42",
        "-7                          | -7",
        "0                           | 0",
        "-0                          | 0",
        "9223372036854775807         | 9223372036854775807",
        "-9223372036854775808        | -9223372036854775808",
        "9223372036854775808         | 9223372036854775808",
        "123456789012345678901234567890 | 123456789012345678901234567890",
        "-123456789012345678901234567890 | -123456789012345678901234567890",
        "'  u 1  '                   | u 1",
        "'\\u2003u1\\u3000\\t'        | u1",
        "' 42 '                      | 42",
      })
  void userIdIsRenderedInDecimalOrTrimmed(String userIdJson, String expected) throws IOException {
    assertThat(valid("{'user_id':" + userIdJson + ",'timestamp':'" + TS + "'}").userId())
        .isEqualTo(expected);
  }

  /**
   * U+00A0 NO-BREAK SPACE has the Unicode White_Space property, so it is trimmed like a space (as
   * Python's str.strip() does), although {@link String#strip()} would keep it.
   */
  @Test
  void noBreakSpaceAroundUserIdIsTrimmed() throws IOException {
    assertThat(valid("{'user_id':'\\u00a0u1\\u00a0','timestamp':'" + TS + "'}").userId())
        .isEqualTo("u1");
  }

  // ---- step 3: invalid_timestamp ---------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '`',
      value = {
        "                           => timestamp is absent",
        "'timestamp':null,          => timestamp is null, expected an ISO 8601 string",
        "'timestamp':1710512525,    => timestamp is a number (1710512525), expected an ISO 8601 string",
        "'timestamp':1.5,           => timestamp is a number (1.5), expected an ISO 8601 string",
        "'timestamp':true,          => timestamp is a boolean (true), expected an ISO 8601 string",
        "'timestamp':{'t':'x'},     => timestamp is an object, expected an ISO 8601 string",
        "'timestamp':['" + TS + "'],=> timestamp is an array, expected an ISO 8601 string",
        "'timestamp':'',            => timestamp \"\" does not match YYYY-MM-DD[T| ]hh:mm[:ss[.fraction]][Z|±hh:mm]",
        "'timestamp':'2024-02-30T10:00:00Z', => timestamp \"2024-02-30T10:00:00Z\" is not a real calendar date in years 0001-9999",
        "'timestamp':' "
            + TS
            + "', => timestamp \" "
            + TS
            + "\" does not match YYYY-MM-DD[T| ]hh:mm[:ss[.fraction]][Z|±hh:mm]",
      })
  void invalidTimestamp(String field, String detail) throws IOException {
    String json = "{" + (field == null ? "" : field) + "'user_id':'u1'}";
    assertThat(rejected(json, RejectReason.INVALID_TIMESTAMP).detail()).isEqualTo(detail);
  }

  // ---- repeated keys: the last one wins --------------------------------------------------

  @Test
  void repeatedKeysLastWins() throws IOException {
    ValidEvent e =
        valid(
            "{'user_id':'a','event_type':'x','timestamp':'bad','value':1,'metadata':{'device':'d1'},"
                + "'user_id':'b','event_type':'y','timestamp':'"
                + TS
                + "','value':2,"
                + "'metadata':{'page':'p2'}}");
    assertThat(e).isEqualTo(new ValidEvent("b", "y", TS, TS_MICROS, 2.0, null, "p2"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'event_type':5,'event_type':'ok'",
        "'value':'x','value':3",
        "'value':1e400,'value':3",
        "'metadata':'m','metadata':{'device':'ios'}",
        "'metadata':{'device':1},'metadata':null",
        "'metadata':{'device':1,'device':'ios'}",
        "'metadata':{'page':[],'page':null}",
        "'user_id':{},'user_id':'u1'",
        "'user_id':null,'user_id':'u1'",
        "'user_id':1.5,'user_id':7",
        "'timestamp':5,'timestamp':'" + TS + "'",
        "'timestamp':{'a':1},'timestamp':'" + TS + "'",
      })
  void aBadFirstValueIsOverriddenByAGoodOne(String fields) throws IOException {
    String json = "{'user_id':'u1','timestamp':'" + TS + "'," + fields + "}";
    assertThat(check(json.replace('\'', '"')).rejection()).as(json).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "'event_type':'ok','event_type':5            | MALFORMED_RECORD",
        "'value':3,'value':'x'                       | MALFORMED_RECORD",
        "'metadata':{'device':'ios'},'metadata':'m'  | MALFORMED_RECORD",
        "'metadata':null,'metadata':{'device':1}     | MALFORMED_RECORD",
        "'metadata':{'device':'ios','device':1}      | MALFORMED_RECORD",
        "'metadata':{'page':null,'page':[]}          | MALFORMED_RECORD",
        "'user_id':'u1','user_id':''                 | MISSING_USER_ID",
        "'user_id':7,'user_id':true                  | MISSING_USER_ID",
        "'user_id':'u1','user_id':null               | MISSING_USER_ID",
        "'timestamp':'" + TS + "','timestamp':'x'    | INVALID_TIMESTAMP",
        "'timestamp':'" + TS + "','timestamp':null   | INVALID_TIMESTAMP",
      })
  void aGoodFirstValueIsOverriddenByABadOne(String fields, RejectReason reason) throws IOException {
    rejected("{'user_id':'u1','timestamp':'" + TS + "'," + fields + "}", reason);
  }

  @Test
  void metadataRepeatedKeyReplacesTheWholeObject() throws IOException {
    ValidEvent e =
        valid(
            "{'user_id':'u1','timestamp':'"
                + TS
                + "','metadata':{'device':'a','page':'b'},"
                + "'metadata':{'device':'c'}}");
    assertThat(e.device()).isEqualTo("c");
    assertThat(e.page()).isNull();
  }

  // ---- value -----------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "10,       10.0",
    "10.0,     10.0",
    "-0.0,     -0.0",
    "0,        0.0",
    "1e2,      100.0",
    "1.5E-3,   0.0015",
    "9007199254740993, 9007199254740992.0",
    "1e-400,   0.0",
    "1.7976931348623157e308, 1.7976931348623157e308",
  })
  void valueIsA64BitFloat(String valueJson, double expected) throws IOException {
    Double v = valid("{'user_id':'u1','timestamp':'" + TS + "','value':" + valueJson + "}").value();
    assertThat(v).isNotNull();
    assertThat(Double.doubleToRawLongBits(v))
        .as(valueJson)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void integerAndFloatValuesGiveTheSameDedupKey() throws IOException {
    DedupKey a = valid("{'user_id':'u1','timestamp':'" + TS + "','value':10}").dedupKey();
    DedupKey b = valid("{'user_id':' u1','timestamp':'" + TS + "','value':10.0}").dedupKey();
    DedupKey c = valid("{'user_id':'u1','timestamp':'" + TS + "','value':1e1}").dedupKey();
    assertThat(a).isEqualTo(b).isEqualTo(c);
  }

  // ---- unknown fields --------------------------------------------------------------------

  @Test
  void unknownFieldsAreIgnoredWhateverTheirShape() throws IOException {
    ValidEvent e =
        valid(
            "{'extra':[1,[2,{'user_id':'no'}],{'timestamp':5}],'user_id':'u1',"
                + "'nested':{'value':'x','metadata':'y','a':{'b':[{}]}},'n':null,'b':true,'s':'str',"
                + "'timestamp':'"
                + TS
                + "','Value':'ignored','USER_ID':null,'num':1e400}");
    assertThat(e).isEqualTo(new ValidEvent("u1", null, TS, TS_MICROS, null, null, null));
  }

  @Test
  void unknownMetadataKeysAreIgnored() throws IOException {
    ValidEvent e =
        valid(
            "{'user_id':'u1','timestamp':'"
                + TS
                + "','metadata':{'os':{'v':[1,2]},"
                + "'device':'web','x':[{'page':5}],'page':'p','Device':7}}");
    assertThat(e.device()).isEqualTo("web");
    assertThat(e.page()).isEqualTo("p");
  }

  @Test
  void longValuesAreCappedInTheDetail() throws IOException {
    String longText = "y".repeat(500);
    Rejection r =
        rejected(
            "{'user_id':'u1','timestamp':'" + TS + "','event_type':7,'value':'" + longText + "'}",
            RejectReason.MALFORMED_RECORD);
    assertThat(r.detail()).isEqualTo("event_type is a number (7), expected a string or null");
    Rejection r2 =
        rejected(
            "{'user_id':'u1','timestamp':'" + TS + "','value':'" + longText + "'}",
            RejectReason.MALFORMED_RECORD);
    assertThat(r2.detail())
        .startsWith("value is a string (\"yyy")
        .contains("(500 characters)")
        .hasSizeLessThan(200);
  }

  @Test
  void leavesTheParserOnTheLastTokenInsideAnArray() throws IOException {
    try (JsonParser p =
        new JsonFactory()
            .createParser(
                "[{\"user_id\":\"a\",\"timestamp\":\""
                    + TS
                    + "\",\"x\":[{}]}, 5, {\"user_id\":\"b\"}]")) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      p.nextToken();
      assertThat(RecordChecker.check(p).isValid()).isTrue();
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      p.nextToken();
      assertThat(RecordChecker.check(p).rejection().reason())
          .isEqualTo(RejectReason.MALFORMED_RECORD);
      p.nextToken();
      assertThat(RecordChecker.check(p).rejection().reason())
          .isEqualTo(RejectReason.INVALID_TIMESTAMP);
      assertThat(p.nextToken()).isEqualTo(JsonToken.END_ARRAY);
    }
  }
}
