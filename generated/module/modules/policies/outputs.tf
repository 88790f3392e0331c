output "auth_service_role_names" {
  description = "Names of the Auth Service roles to attach the policy to."
  value       = var.attach_auth_service_policy ? [for m in local.auth_service_identities : m[4] if m[2] == "role"] : []
}

output "auth_service_user_names" {
  description = "Names of the Auth Service users to attach the policy to."
  value       = var.attach_auth_service_policy ? [for m in local.auth_service_identities : m[4] if m[2] == "user"] : []
}

output "key_policy" {
  description = "The key policy of RFD 42 as JSON."
  value       = jsonencode(local.key_policy)

  precondition {
    condition     = length(setintersection([for a in var.denied_administrator_arns : lower(a)], [for a in var.key_administrator_arns : lower(a)])) == 0
    error_message = "denied_administrator_arns${try([for i, x in var.denied_administrator_arns : "[${i}]: ${jsonencode(x)}" if contains([for a in var.key_administrator_arns : lower(a)], lower(x))][0], "")} is also a key administrator; the Deny would lock it out (remove it from denied_administrator_arns or from key_administrator_arns)"
  }

  precondition {
    condition     = length(setintersection([for a in var.denied_administrator_arns : lower(a)], [for a in var.auth_service_arns : lower(a)])) == 0
    error_message = "denied_administrator_arns${try([for i, x in var.denied_administrator_arns : "[${i}]: ${jsonencode(x)}" if contains([for a in var.auth_service_arns : lower(a)], lower(x))][0], "")} is also an Auth Service principal; the Deny would lock it out (remove it from denied_administrator_arns or from auth_service_arns)"
  }
}
