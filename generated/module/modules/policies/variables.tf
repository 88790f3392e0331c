variable "attach_auth_service_policy" {
  description = "Attach the Auth Service policy to each Auth Service identity."
  type        = bool
  default     = true
  nullable    = false
}

variable "auth_service_arns" {
  description = "Teleport Auth Service identities that use the key."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.auth_service_arns) >= 1
    error_message = "auth_service_arns: is empty (list at least 1 entry)"
  }

  validation {
    condition     = alltrue([for x in var.auth_service_arns : can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", x))])
    error_message = "auth_service_arns${try([for i, x in var.auth_service_arns : "[${i}]: ${jsonencode(x)}" if !(can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", x)))][0], "")} is not valid (an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME)"
  }

  validation {
    condition     = length(distinct(var.auth_service_arns)) == length(var.auth_service_arns)
    error_message = "auth_service_arns${try([for i, x in var.auth_service_arns : "[${i}]: ${jsonencode(x)}" if index(var.auth_service_arns, x) != i][0], "")} is listed twice (list it once)"
  }
}

variable "denied_administrator_arns" {
  description = "Administrators kept out by an explicit Deny."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for x in var.denied_administrator_arns : can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", x))])
    error_message = "denied_administrator_arns${try([for i, x in var.denied_administrator_arns : "[${i}]: ${jsonencode(x)}" if !(can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", x)))][0], "")} is not valid (an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME)"
  }

  validation {
    condition     = length(distinct(var.denied_administrator_arns)) == length(var.denied_administrator_arns)
    error_message = "denied_administrator_arns${try([for i, x in var.denied_administrator_arns : "[${i}]: ${jsonencode(x)}" if index(var.denied_administrator_arns, x) != i][0], "")} is listed twice (list it once)"
  }
}

variable "key_administrator_arns" {
  description = "May do everything with the key."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.key_administrator_arns) >= 1
    error_message = "key_administrator_arns: is empty (list at least 1 entry)"
  }

  validation {
    condition     = alltrue([for x in var.key_administrator_arns : can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", x))])
    error_message = "key_administrator_arns${try([for i, x in var.key_administrator_arns : "[${i}]: ${jsonencode(x)}" if !(can(regex("^arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):(role|user)(\\/(?:[\\w+=,.@-]+\\/)*)([\\w+=,.@-]+)$", x)))][0], "")} is not valid (an IAM role or user ARN such as arn:aws:iam::123456789012:role/NAME)"
  }

  validation {
    condition     = length(distinct(var.key_administrator_arns)) == length(var.key_administrator_arns)
    error_message = "key_administrator_arns${try([for i, x in var.key_administrator_arns : "[${i}]: ${jsonencode(x)}" if index(var.key_administrator_arns, x) != i][0], "")} is listed twice (list it once)"
  }
}
