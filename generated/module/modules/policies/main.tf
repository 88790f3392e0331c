locals {
  auth_service_identities = [for arn in var.auth_service_arns : regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", arn)]
  key_policy = {
    Id        = "Teleport Encryption and Decryption"
    Statement = [for s in local.key_policy_statements : s.statement if length(s.arns) > 0]
    Version   = "2012-10-17"
  }
  key_policy_statements = [
    {
      arns = var.key_administrator_arns
      statement = {
        Action = "kms:*"
        Effect = "Allow"
        Principal = {
          AWS = jsondecode(length(var.key_administrator_arns) == 1 ? jsonencode(var.key_administrator_arns[0]) : jsonencode(var.key_administrator_arns))
        }
        Resource = "*"
        Sid      = "Teleport CMK Admin"
      }
    },
    {
      arns = var.auth_service_arns
      statement = {
        Action = [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
        ]
        Effect = "Allow"
        Principal = {
          AWS = jsondecode(length(var.auth_service_arns) == 1 ? jsonencode(var.auth_service_arns[0]) : jsonencode(var.auth_service_arns))
        }
        Resource = "*"
        Sid      = "Teleport CMK Auth"
      }
    },
    {
      arns = var.denied_administrator_arns
      statement = {
        Action = "kms:*"
        Effect = "Deny"
        Principal = {
          AWS = jsondecode(length(var.denied_administrator_arns) == 1 ? jsonencode(var.denied_administrator_arns[0]) : jsonencode(var.denied_administrator_arns))
        }
        Resource = "*"
        Sid      = "Deny AdministratorAccess users."
      }
    },
  ]
}
