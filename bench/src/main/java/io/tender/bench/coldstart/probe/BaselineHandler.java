package io.tender.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.aws.AwsClients;
import io.tender.config.Environment;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The floor a Tender function's cold start is compared with: the same SDK client, built the same
 * way ({@link AwsClients}), and one DynamoDB read per request; nothing else.
 */
public final class BaselineHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final DynamoDbClient dynamo;
  private final String table;

  public BaselineHandler() {
    Environment environment = Environment.current();
    this.dynamo = new AwsClients(environment).dynamoDb();
    this.table = environment.require("TENDER_TABLE");
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    boolean found = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("TENANT#baseline"), "sk", AttributeValue.fromS("#")))).hasItem();
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
        .withBody(found ? "{\"found\":true}" : "{\"found\":false}").build();
  }
}
