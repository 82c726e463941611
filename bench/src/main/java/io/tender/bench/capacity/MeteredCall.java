package io.tender.bench.capacity;

/**
 * One DynamoDB call as the meter saw it: where it came from, what DynamoDB Local reported, and the
 * units DynamoDB would bill (corrected where DynamoDB Local under-reports).
 *
 * @param source the Lambda function that made the call ({@code AWS_LAMBDA_FUNCTION_NAME}), or
 *     {@code direct} for code run outside any function
 * @param outcome {@code ok}, {@code condition failed} or {@code cancelled}
 */
public record MeteredCall(String step, String source, String operation, int items, double reportedRead,
    double reportedWrite, double read, double write, String outcome) {

  /** The same call, counted under {@code other}. */
  public MeteredCall inStep(String other) {
    return new MeteredCall(other, source, operation, items, reportedRead, reportedWrite, read, write, outcome);
  }
}
