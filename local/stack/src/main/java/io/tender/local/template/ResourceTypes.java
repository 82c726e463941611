package io.tender.local.template;

/** The resource types the local runner has a part for, or that resolve specially. */
final class ResourceTypes {
  static final String FUNCTION = "AWS::Serverless::Function";
  static final String HTTP_API = "AWS::Serverless::HttpApi";
  static final String TABLE = "AWS::DynamoDB::Table";
  static final String SIMPLE_TABLE = "AWS::Serverless::SimpleTable";
  static final String QUEUE = "AWS::SQS::Queue";
  static final String SECRET = "AWS::SecretsManager::Secret";
  static final String IAM_ROLE = "AWS::IAM::Role";

  static final String SERVERLESS_PREFIX = "AWS::Serverless::";
  static final String SERVERLESS_TRANSFORM = "AWS::Serverless-2016-10-31";

  private ResourceTypes() {}
}
