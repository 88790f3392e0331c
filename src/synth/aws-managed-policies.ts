import type { PolicyDocument } from '../policies/document';

/** A policy document as AWS publishes it, without the Sids that our own type requires. */
export type PublishedPolicy = Omit<PolicyDocument, 'Statement'> & {
  readonly Statement: ReadonlyArray<Record<string, unknown>>;
};

/** AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess (v1). */
export const ADMINISTRATOR_ACCESS: PublishedPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** AWS managed policy arn:aws:iam::aws:policy/PowerUserAccess (v12): all but IAM and accounts. */
export const POWER_USER_ACCESS: PublishedPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      NotAction: ['iam:*', 'organizations:*', 'account:*'],
      Resource: '*',
    },
    {
      Effect: 'Allow',
      Action: [
        'account:GetAccountInformation',
        'account:GetGovCloudAccountInformation',
        'account:GetPrimaryEmail',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeEffectivePolicy',
        'organizations:DescribeOrganization',
      ],
      Resource: '*',
    },
  ],
};
