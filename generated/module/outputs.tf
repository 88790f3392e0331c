output "auth_service_policy_arn" {
  description = "ARN of the Auth Service IAM policy."
  value       = aws_iam_policy.recordings_auth_service_policy.arn
}

output "bucket_arn" {
  description = "ARN of the recordings bucket."
  value       = aws_s3_bucket.recordings_bucket.arn
}

output "bucket_name" {
  description = "Name of the recordings bucket."
  value       = aws_s3_bucket.recordings_bucket.bucket
}

output "key_alias" {
  description = "Alias of the recordings key."
  value       = aws_kms_alias.recordings_alias.name
}

output "key_arn" {
  description = "ARN of the recordings key."
  value       = aws_kms_key.recordings_key.arn
}

output "key_id" {
  description = "Id of the recordings key."
  value       = aws_kms_key.recordings_key.key_id
}

output "teleport_audit_sessions_uri" {
  description = "Teleport's audit_sessions_uri."
  value       = "s3://${var.bucket_name}/${var.prefix}?region=${element(split(":", aws_kms_key.recordings_key.arn), 3)}&sse_kms_key=${aws_kms_key.recordings_key.arn}"
}
