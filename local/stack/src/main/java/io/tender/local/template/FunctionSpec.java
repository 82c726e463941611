package io.tender.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} after {@code Globals.Function} was merged in.
 *
 * @param functionName the physical name the function gets locally ({@code <stack>-<logicalId>}
 *     unless {@code FunctionName} is set)
 * @param handler the {@code Handler} property: a class name, optionally {@code ::method}
 * @param environment {@code Environment.Variables}, Globals first, the function's own on top,
 *     every value resolved to a string
 */
public record FunctionSpec(
    String logicalId,
    String functionName,
    String handler,
    int timeoutSeconds,
    int memoryMb,
    Map<String, String> environment,
    List<HttpRoute> routes,
    List<SqsEventSource> sqsSources,
    List<DynamoDbEventSource> dynamoDbSources,
    List<ScheduleSource> schedules) {}
