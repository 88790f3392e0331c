terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.49.0, < 7.0.0"
    }
  }

  required_version = ">= 1.2.0"
}
