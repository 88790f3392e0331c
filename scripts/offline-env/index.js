// Preloaded into every Node process that npm starts here (see .npmrc): the cdktf
// CLI then sends no usage report, and no AWS SDK looks for instance metadata.
process.env.CHECKPOINT_DISABLE = '1';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
