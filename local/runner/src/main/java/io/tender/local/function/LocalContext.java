package io.tender.local.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/** The Lambda {@link Context} of one local invocation; its remaining time follows the deadline. */
record LocalContext(
    String awsRequestId,
    String functionName,
    String invokedFunctionArn,
    int memoryLimitMb,
    Instant deadline,
    Clock clock) implements Context {

  private static final LambdaLogger LOGGER = new LambdaLogger() {
    @Override
    public void log(String message) {
      System.out.print(message);
    }

    @Override
    public void log(byte[] message) {
      System.out.print(new String(message, StandardCharsets.UTF_8));
    }
  };

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/" + functionName;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return LOGGER;
  }
}
