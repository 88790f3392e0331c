module "teleport_recordings" {
  source                             = "../.."
  name                               = "acme-prod"
  bucket_name                        = "acme-prod-teleport-recordings"
  prefix                             = "records"
  noncurrent_version_expiration_days = 365
  key_alias                          = "alias/acme-prod-teleport-recordings"
  key_description                    = "Teleport session recordings for acme-prod"
  key_administrator_arns             = ["arn:aws:iam::123456789012:role/kms-key-admin"]
  auth_service_arns                  = ["arn:aws:iam::123456789012:role/teleport-auth"]
  denied_administrator_arns = [
    "arn:aws:iam::123456789012:user/alice-admin",
    "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef",
  ]
  tags = {
    team = "platform"
  }
}

output "teleport_audit_sessions_uri" {
  description = "Teleport's audit_sessions_uri, for the storage section of teleport.yaml."
  value       = module.teleport_recordings.teleport_audit_sessions_uri
}
