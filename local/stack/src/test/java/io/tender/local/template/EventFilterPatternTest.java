package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lambda's event filtering on DynamoDB stream records, as Lambda delivers them. */
class EventFilterPatternTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Where WHERE = Where.resource("Fn").at("Pattern");

  /** An outbox event inserted by settlement. */
  private static final JsonNode EVENT_INSERT =
      record(
          """
          {"eventName": "INSERT", "dynamodb": {
            "Keys": {"pk": {"S": "T#t1#EVENT#e1"}, "sk": {"S": "EVENT"}},
            "NewImage": {"pk": {"S": "T#t1#EVENT#e1"}, "sk": {"S": "EVENT"}, "kind": {"S": "EVENT"},
                         "type": {"S": "payment.succeeded"}, "amount": {"N": "1250"},
                         "tags": {"SS": ["a", "b"]}, "live": {"BOOL": false}, "note": {"NULL": true}}}}
          """);

  /** A payment item updated: no kind attribute. */
  private static final JsonNode PAYMENT_MODIFY =
      record(
          """
          {"eventName": "MODIFY", "dynamodb": {
            "Keys": {"pk": {"S": "T#t1#PAY#p1"}, "sk": {"S": "PAYMENT"}},
            "NewImage": {"pk": {"S": "T#t1#PAY#p1"}, "sk": {"S": "PAYMENT"}, "status": {"S": "SUCCEEDED"}}}}
          """);

  private static JsonNode record(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static boolean matches(String pattern, JsonNode record) {
    return EventFilterPattern.parse(pattern, WHERE).matches(record);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          exact string                 | {"dynamodb": {"NewImage": {"kind": {"S": ["EVENT"]}}}}                    | true  | false
          exact string, other value    | {"dynamodb": {"NewImage": {"kind": {"S": ["COMMAND"]}}}}                  | false | false
          one of several values        | {"eventName": ["INSERT", "MODIFY"]}                                       | true  | true
          every key must match         | {"eventName": ["MODIFY"], "dynamodb": {"NewImage": {"kind": {"S": ["EVENT"]}}}} | false | false
          prefix                       | {"dynamodb": {"Keys": {"pk": {"S": [{"prefix": "T#t1#EVENT#"}]}}}}        | true  | false
          suffix                       | {"dynamodb": {"Keys": {"sk": {"S": [{"suffix": "MENT"}]}}}}               | false | true
          equals-ignore-case           | {"dynamodb": {"NewImage": {"status": {"S": [{"equals-ignore-case": "succeeded"}]}}}} | false | true
          exists on the typed leaf     | {"dynamodb": {"NewImage": {"kind": {"S": [{"exists": true}]}}}}           | true  | false
          exists false                 | {"dynamodb": {"NewImage": {"kind": {"S": [{"exists": false}]}}}}          | false | true
          exists on an object is no leaf | {"dynamodb": {"NewImage": {"kind": [{"exists": true}]}}}                | false | false
          anything-but a value         | {"eventName": [{"anything-but": "REMOVE"}]}                               | true  | true
          anything-but a list          | {"eventName": [{"anything-but": ["INSERT", "REMOVE"]}]}                   | false | true
          anything-but needs the field | {"dynamodb": {"NewImage": {"kind": {"S": [{"anything-but": "X"}]}}}}      | true  | false
          numeric equality on N        | {"dynamodb": {"NewImage": {"amount": {"N": [{"numeric": ["=", 1250]}]}}}} | true  | false
          numeric range on N           | {"dynamodb": {"NewImage": {"amount": {"N": [{"numeric": [">", 1000, "<=", 1250]}]}}}} | true  | false
          numeric range missed         | {"dynamodb": {"NewImage": {"amount": {"N": [{"numeric": [">", 1250]}]}}}} | false | false
          one item of a set            | {"dynamodb": {"NewImage": {"tags": {"SS": ["b"]}}}}                       | true  | false
          a boolean                    | {"dynamodb": {"NewImage": {"live": {"BOOL": [false]}}}}                   | true  | false
          null                         | {"dynamodb": {"NewImage": {"note": {"NULL": [true]}}}}                    | true  | false
          or across fields             | {"$or": [{"eventName": ["MODIFY"]}, {"dynamodb": {"NewImage": {"kind": {"S": ["EVENT"]}}}}]} | true | true
          a string is not a number     | {"dynamodb": {"NewImage": {"amount": {"N": [1250]}}}}                     | false | false
          """)
  void matchesAsLambdaDoes(String why, String pattern, boolean event, boolean payment) {
    assertThat(matches(pattern, EVENT_INSERT)).as("event insert").isEqualTo(event);
    assertThat(matches(pattern, PAYMENT_MODIFY)).as("payment modify").isEqualTo(payment);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          wildcard                   | {"a": [{"wildcard": "x*"}]}                 | 'a': 'wildcard' is not an operator Lambda event filtering supports (it supports prefix, suffix, equals-ignore-case, anything-but, numeric, exists)
          cidr                       | {"a": [{"cidr": "10.0.0.0/24"}]}            | 'a': 'cidr' is not an operator Lambda event filtering supports (it supports prefix, suffix, equals-ignore-case, anything-but, numeric, exists)
          anything-but with a prefix | {"a": [{"anything-but": {"prefix": "x"}}]}  | 'a': anything-but takes a string, a number or a list of them, not {"prefix":"x"} (Lambda event filtering has no anything-but with prefix, suffix or ignore-case)
          prefix of a number         | {"a": [{"prefix": 1}]}                      | 'a': prefix takes a string here, not 1
          numeric without a number   | {"a": [{"numeric": [">", "1"]}]}            | 'a': numeric takes pairs of =, <, <=, >, >= and a number, not [">","1"]
          numeric with an odd list   | {"a": [{"numeric": [">"]}]}                 | 'a': numeric takes one or two operator-number pairs, such as [">", 0, "<=", 5], not [">"]
          equals inside a range      | {"a": [{"numeric": ["=", 1, "<", 2]}]}      | 'a': numeric '=' stands alone, not in a range: ["=",1,"<",2]
          exists with a string       | {"a": [{"exists": "yes"}]}                  | 'a': exists takes true or false, not "yes"
          two operators in one       | {"a": [{"prefix": "x", "suffix": "y"}]}     | 'a' has a matcher with more than one operator: {"prefix":"x","suffix":"y"}
          an empty list              | {"a": {"b": []}}                            | 'a.b' lists no value to match
          a list in a list           | {"a": [["x"]]}                              | 'a' nests a list in a list: ["x"]
          a single $or alternative   | {"$or": [{"a": ["x"]}]}                     | '$or' must be a list of at least two patterns
          a list                     | [{"a": ["x"]}]                              | must be a JSON object naming at least one field, not [{"a": ["x"]}]
          """)
  void refusesWhatLambdaRefuses(String why, String pattern, String message) {
    assertThatThrownBy(() -> EventFilterPattern.parse(pattern, WHERE))
        .isInstanceOf(TemplateException.class)
        .hasMessage("Resource 'Fn' (Pattern): " + message);
  }

  @Test
  void patternsAreEqualWhenTheirTextIs() {
    String text = "{\"eventName\": [\"INSERT\"]}";
    assertThat(EventFilterPattern.parse(text, WHERE))
        .isEqualTo(EventFilterPattern.parse(text, WHERE))
        .isNotEqualTo(EventFilterPattern.parse("{\"eventName\": [\"REMOVE\"]}", WHERE));
  }
}
