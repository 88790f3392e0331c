terraform {
  required_providers {
    aws = {
      source  = "aws"
      version = "6.25.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

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
  value       = "s3://acme-prod-teleport-recordings/records?region=us-east-1&sse_kms_key=${aws_kms_key.recordings_key.arn}"
}

resource "aws_iam_policy" "recordings_auth_service_policy" {
  description = "Teleport Auth Service access to the session recordings of acme-prod"
  name        = "acme-prod-teleport-recordings"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "RecordingsBucket"
        Effect = "Allow"
        Action = [
          "s3:ListBucket",
          "s3:ListBucketVersions",
          "s3:ListBucketMultipartUploads",
          "s3:GetEncryptionConfiguration",
          "s3:GetBucketVersioning",
        ]
        Resource = aws_s3_bucket.recordings_bucket.arn
      },
      {
        Sid    = "RecordingsObjects"
        Effect = "Allow"
        Action = [
          "s3:GetObject",
          "s3:GetObjectVersion",
          "s3:GetObjectRetention",
          "s3:PutObject",
          "s3:ListMultipartUploadParts",
          "s3:AbortMultipartUpload",
        ]
        Resource = "${aws_s3_bucket.recordings_bucket.arn}/records/*"
      },
      {
        Sid    = "RecordingsKey"
        Effect = "Allow"
        Action = [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ]
        Resource = aws_kms_key.recordings_key.arn
      },
    ]
  })
  tags = {
    team                = "platform"
    teleport-recordings = "acme-prod"
  }
}

resource "aws_iam_role_policy_attachment" "recordings_auth_service_role_0" {
  policy_arn = aws_iam_policy.recordings_auth_service_policy.arn
  role       = "teleport-auth"
}

resource "aws_kms_alias" "recordings_alias" {
  name          = "alias/acme-prod-teleport-recordings"
  target_key_id = aws_kms_key.recordings_key.key_id
}

resource "aws_kms_key" "recordings_key" {
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  deletion_window_in_days  = 30
  description              = "Teleport session recordings for acme-prod"
  enable_key_rotation      = true
  key_usage                = "ENCRYPT_DECRYPT"
  policy = jsonencode({
    Id      = "Teleport Encryption and Decryption"
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "Teleport CMK Admin"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::123456789012:role/kms-key-admin"
        }
        Action   = "kms:*"
        Resource = "*"
      },
      {
        Sid    = "Teleport CMK Auth"
        Effect = "Allow"
        Principal = {
          AWS = "arn:aws:iam::123456789012:role/teleport-auth"
        }
        Action = [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ]
        Resource = "*"
      },
      {
        Sid    = "Deny AdministratorAccess users."
        Effect = "Deny"
        Principal = {
          AWS = [
            "arn:aws:iam::123456789012:user/alice-admin",
            "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef",
          ]
        }
        Action   = "kms:*"
        Resource = "*"
      },
    ]
  })
  rotation_period_in_days = 365
  tags = {
    team                = "platform"
    teleport-recordings = "acme-prod"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket" "recordings_bucket" {
  bucket = "acme-prod-teleport-recordings"
  tags = {
    team                = "platform"
    teleport-recordings = "acme-prod"
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "recordings_bucket_lifecycle" {
  bucket = aws_s3_bucket.recordings_bucket.id

  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }

    filter {
      prefix = ""
    }
  }

  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"

    filter {
      prefix = ""
    }

    noncurrent_version_expiration {
      noncurrent_days = 365
    }
  }

  depends_on = [aws_s3_bucket_versioning.recordings_bucket_versioning]
}

resource "aws_s3_bucket_ownership_controls" "recordings_bucket_ownership" {
  bucket = aws_s3_bucket.recordings_bucket.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_policy" "recordings_bucket_policy" {
  bucket = aws_s3_bucket.recordings_bucket.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.recordings_bucket.arn, "${aws_s3_bucket.recordings_bucket.arn}/*"]
        Condition = {
          Bool = {
            "aws:SecureTransport" = "false"
          }
        }
      },
      {
        Sid       = "DenyUploadsWithOtherEncryption"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.recordings_bucket.arn}/*"
        Condition = {
          StringNotEquals = {
            "s3:x-amz-server-side-encryption" = "aws:kms"
          }
          Null = {
            "s3:x-amz-server-side-encryption" = "false"
          }
        }
      },
      {
        Sid       = "DenyUploadsWithOtherKey"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.recordings_bucket.arn}/*"
        Condition = {
          StringNotEquals = {
            "s3:x-amz-server-side-encryption-aws-kms-key-id" = aws_kms_key.recordings_key.arn
          }
          Null = {
            "s3:x-amz-server-side-encryption-aws-kms-key-id" = "false"
          }
        }
      },
    ]
  })
  depends_on = [aws_s3_bucket_public_access_block.recordings_bucket_public_access_block]
}

resource "aws_s3_bucket_public_access_block" "recordings_bucket_public_access_block" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.recordings_bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "recordings_bucket_encryption" {
  bucket = aws_s3_bucket.recordings_bucket.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.recordings_key.arn
      sse_algorithm     = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_versioning" "recordings_bucket_versioning" {
  bucket = aws_s3_bucket.recordings_bucket.id

  versioning_configuration {
    status = "Enabled"
  }
}
