module "policies" {
  source                     = "./modules/policies"
  attach_auth_service_policy = var.attach_auth_service_policy
  auth_service_arns          = var.auth_service_arns
  denied_administrator_arns  = var.denied_administrator_arns
  key_administrator_arns     = var.key_administrator_arns
}

resource "aws_iam_policy" "recordings_auth_service_policy" {
  description = "Teleport Auth Service access to the session recordings of ${var.name}"
  name        = "${var.name}-teleport-recordings"
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
        Resource = "${aws_s3_bucket.recordings_bucket.arn}/${var.prefix}/*"
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
  tags = merge(var.tags, { "teleport-recordings" = var.name })
}

resource "aws_iam_role_policy_attachment" "recordings_auth_service_roles" {
  for_each   = toset(module.policies.auth_service_role_names)
  policy_arn = aws_iam_policy.recordings_auth_service_policy.arn
  role       = each.value
}

resource "aws_iam_user_policy_attachment" "recordings_auth_service_users" {
  for_each   = toset(module.policies.auth_service_user_names)
  policy_arn = aws_iam_policy.recordings_auth_service_policy.arn
  user       = each.value
}

resource "aws_kms_alias" "recordings_alias" {
  name          = var.key_alias
  target_key_id = aws_kms_key.recordings_key.key_id
}

resource "aws_kms_key" "recordings_key" {
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  deletion_window_in_days  = var.key_deletion_window_days
  description              = coalesce(var.key_description, "Teleport session recordings for ${var.name}")
  enable_key_rotation      = true
  key_usage                = "ENCRYPT_DECRYPT"
  policy                   = module.policies.key_policy
  rotation_period_in_days  = var.key_rotation_period_days
  tags                     = merge(var.tags, { "teleport-recordings" = var.name })

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket" "recordings_bucket" {
  bucket = var.bucket_name
  tags   = merge(var.tags, { "teleport-recordings" = var.name })

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
      days_after_initiation = var.abort_incomplete_uploads_days
    }

    filter {
      prefix = ""
    }
  }

  rule {
    id     = "expire-noncurrent-versions"
    status = var.noncurrent_version_expiration_days == null ? "Disabled" : "Enabled"

    filter {
      prefix = ""
    }

    noncurrent_version_expiration {
      noncurrent_days = coalesce(var.noncurrent_version_expiration_days, 1)
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
