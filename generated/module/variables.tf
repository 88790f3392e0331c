variable "abort_incomplete_uploads_days" {
  description = "Days before an unfinished upload is removed. A whole number from 1 to 365."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = var.abort_incomplete_uploads_days == floor(var.abort_incomplete_uploads_days) && var.abort_incomplete_uploads_days >= 1 && var.abort_incomplete_uploads_days <= 365
    error_message = "abort_incomplete_uploads_days: ${jsonencode(var.abort_incomplete_uploads_days)} is out of range (a whole number from 1 to 365)"
  }
}

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

variable "bucket_name" {
  description = "Name of the recordings bucket. Changing it replaces the bucket."
  type        = string
  nullable    = false

  validation {
    condition     = length(var.bucket_name) >= 3
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} is too short (3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)"
  }

  validation {
    condition     = length(var.bucket_name) <= 63
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} is too long (3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)"
  }

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} is not valid (3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)"
  }

  validation {
    condition     = !can(regex("\\.\\.|\\.-|-\\.", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} has a dot next to a dot or hyphen (separate dots by letters or digits)"
  }

  validation {
    condition     = !can(regex("^\\d{1,3}(\\.\\d{1,3}){3}$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} looks like an IP address (use letters as well as digits)"
  }

  validation {
    condition     = !can(regex("^xn--", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} starts with the reserved prefix \"xn--\" (choose another name)"
  }

  validation {
    condition     = !can(regex("^sthree-", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} starts with the reserved prefix \"sthree-\" (choose another name)"
  }

  validation {
    condition     = !can(regex("^amzn-s3-demo-", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} starts with the reserved prefix \"amzn-s3-demo-\" (choose another name)"
  }

  validation {
    condition     = !can(regex("-s3alias$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} ends with the reserved suffix \"-s3alias\" (choose another name)"
  }

  validation {
    condition     = !can(regex("--ol-s3$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} ends with the reserved suffix \"--ol-s3\" (choose another name)"
  }

  validation {
    condition     = !can(regex("\\.mrap$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} ends with the reserved suffix \".mrap\" (choose another name)"
  }

  validation {
    condition     = !can(regex("--x-s3$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} ends with the reserved suffix \"--x-s3\" (choose another name)"
  }

  validation {
    condition     = !can(regex("--table-s3$", var.bucket_name))
    error_message = "bucket_name: ${jsonencode(var.bucket_name)} ends with the reserved suffix \"--table-s3\" (choose another name)"
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

variable "key_alias" {
  description = "KMS alias of the key, starting with alias/."
  type        = string
  nullable    = false

  validation {
    condition     = length(var.key_alias) >= 7
    error_message = "key_alias: ${jsonencode(var.key_alias)} is too short (at least 7 characters)"
  }

  validation {
    condition     = length(var.key_alias) <= 256
    error_message = "key_alias: ${jsonencode(var.key_alias)} is too long (at most 256 characters)"
  }

  validation {
    condition     = !can(regex("^(A[lL][iI][aA][sS]|aL[iI][aA][sS]|alI[aA][sS]|aliA[sS]|aliaS)/", var.key_alias))
    error_message = "key_alias: ${jsonencode(var.key_alias)} does not start with \"alias/\" (write \"alias/\" in lowercase)"
  }

  validation {
    condition     = can(regex("^alias/", var.key_alias))
    error_message = "key_alias: ${jsonencode(var.key_alias)} does not start with \"alias/\" (write \"alias/${var.key_alias}\")"
  }

  validation {
    condition     = !can(regex("^alias/aws/", var.key_alias))
    error_message = "key_alias: ${jsonencode(var.key_alias)} is reserved for AWS managed keys (drop \"aws/\")"
  }

  validation {
    condition     = can(regex("^alias/[A-Za-z0-9/_-]+$", var.key_alias))
    error_message = "key_alias: ${jsonencode(var.key_alias)} has characters KMS refuses (letters, digits, \"/\", \"_\" or \"-\" after \"alias/\")"
  }
}

variable "key_deletion_window_days" {
  description = "Waiting period before a deleted key is gone. A whole number from 7 to 30."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.key_deletion_window_days == floor(var.key_deletion_window_days) && var.key_deletion_window_days >= 7 && var.key_deletion_window_days <= 30
    error_message = "key_deletion_window_days: ${jsonencode(var.key_deletion_window_days)} is out of range (a whole number from 7 to 30)"
  }
}

variable "key_description" {
  description = "Key description. Defaults to one naming the deployment."
  type        = string
  default     = null
  nullable    = true

  validation {
    condition     = var.key_description == null ? true : length(var.key_description) <= 8192
    error_message = "key_description: ${jsonencode(var.key_description)} is too long (at most 8192 characters)"
  }

  validation {
    condition     = var.key_description == null ? true : length(replace(base64encode(var.key_description), "=", "")) <= 10923
    error_message = "key_description: ${jsonencode(var.key_description)} is too long in UTF-8 (at most 8192 bytes; a letter beyond ASCII takes 2 to 4)"
  }
}

variable "key_rotation_period_days" {
  description = "Days between automatic key rotations. A whole number from 90 to 2560."
  type        = number
  default     = 365
  nullable    = false

  validation {
    condition     = var.key_rotation_period_days == floor(var.key_rotation_period_days) && var.key_rotation_period_days >= 90 && var.key_rotation_period_days <= 2560
    error_message = "key_rotation_period_days: ${jsonencode(var.key_rotation_period_days)} is out of range (a whole number from 90 to 2560)"
  }
}

variable "name" {
  description = "Deployment name, used in resource names and tags."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", var.name))
    error_message = "name: ${jsonencode(var.name)} is not valid (2 to 40 lowercase letters, digits or hyphens, starting with a letter)"
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days a replaced recording version is kept. Absent keeps every version. A whole number from 1 to 36500."
  type        = number
  default     = null
  nullable    = true

  validation {
    condition     = var.noncurrent_version_expiration_days == null ? true : var.noncurrent_version_expiration_days == floor(var.noncurrent_version_expiration_days) && var.noncurrent_version_expiration_days >= 1 && var.noncurrent_version_expiration_days <= 36500
    error_message = "noncurrent_version_expiration_days: ${jsonencode(var.noncurrent_version_expiration_days)} is out of range (a whole number from 1 to 36500)"
  }
}

variable "prefix" {
  description = "Object key prefix of the recordings, without leading or trailing slash."
  type        = string
  nullable    = false

  validation {
    condition     = length(var.prefix) >= 1
    error_message = "prefix: ${jsonencode(var.prefix)} is too short (at least 1 characters)"
  }

  validation {
    condition     = length(var.prefix) <= 512
    error_message = "prefix: ${jsonencode(var.prefix)} is too long (at most 512 characters)"
  }

  validation {
    condition     = !can(regex("^/+$", var.prefix))
    error_message = "prefix: ${jsonencode(var.prefix)} starts or ends with \"/\" (name a folder, such as \"records\")"
  }

  validation {
    condition     = !can(regex("^/|/$", var.prefix))
    error_message = "prefix: ${jsonencode(var.prefix)} starts or ends with \"/\" (write \"${trim(var.prefix, "/")}\")"
  }

  validation {
    condition     = !can(regex("[^A-Za-z0-9._/-]|//|(^|/)\\.\\.?(/|$)", var.prefix))
    error_message = "prefix: ${jsonencode(var.prefix)} is not a safe object key prefix (letters, digits, \".\", \"_\" or \"-\", in segments separated by single \"/\")"
  }
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default     = {}
  nullable    = false

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) >= 1])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: key ${jsonencode(k)}" if !(length(k) >= 1)][0], "")} is too short (letters, digits, spaces and _ . : / = + - @)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : length(k) <= 128])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: key ${jsonencode(k)}" if !(length(k) <= 128)][0], "")} is too long (letters, digits, spaces and _ . : / = + - @)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$", k))])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: key ${jsonencode(k)}" if !(can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$", k)))][0], "")} is not valid (letters, digits, spaces and _ . : / = + - @)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : !can(regex("^[aA][wW][sS]:", k))])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: key ${jsonencode(k)}" if !(!can(regex("^[aA][wW][sS]:", k)))][0], "")} uses the reserved \"aws:\" prefix (rename the tag)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : !can(regex("^teleport-recordings$", k))])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: key ${jsonencode(k)}" if !(!can(regex("^teleport-recordings$", k)))][0], "")} is the tag this tool sets to the deployment name (rename the tag)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : !can(regex("^__proto__$", k))])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: key ${jsonencode(k)}" if !(!can(regex("^__proto__$", k)))][0], "")} cannot be carried through (rename the tag)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : length(v) <= 256])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: ${jsonencode(v)}" if !(length(v) <= 256)][0], "")} is too long (letters, digits, spaces and _ . : / = + - @, at most 256)"
  }

  validation {
    condition     = alltrue([for k, v in var.tags : can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$", v))])
    error_message = "tags${try([for k, v in var.tags : "[${jsonencode(k)}]: ${jsonencode(v)}" if !(can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$", v)))][0], "")} is not valid (letters, digits, spaces and _ . : / = + - @, at most 256)"
  }
}
