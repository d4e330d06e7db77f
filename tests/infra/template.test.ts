/** infra/nisshi-site.yaml: the properties the site's security and the deploy rely on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withFunctionCode } from '../../infra/sync-function-code.ts';
import { functionPath, loadTemplate, only, templatePath } from './cloudformation-yaml.ts';

const template = loadTemplate();
const [bucketId, bucket] = only(template, 'AWS::S3::Bucket');
const [, bucketPolicy] = only(template, 'AWS::S3::BucketPolicy');
const [oacId, oac] = only(template, 'AWS::CloudFront::OriginAccessControl');
const [functionId, cfFunction] = only(template, 'AWS::CloudFront::Function');
const [headersId, headers] = only(template, 'AWS::CloudFront::ResponseHeadersPolicy');
const [distributionId, distribution] = only(template, 'AWS::CloudFront::Distribution');
const [providerId, provider] = only(template, 'AWS::IAM::OIDCProvider');
const [, role] = only(template, 'AWS::IAM::Role');
const config = distribution.Properties.DistributionConfig;
const distributionArn = { 'Fn::Sub': `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distributionId}}` };
const bucketArn = { 'Fn::GetAtt': [bucketId, 'Arn'] };
const objectsArn = { 'Fn::Sub': `\${${bucketId}.Arn}/*` };

describe('the site bucket', () => {
  it('blocks every kind of public access', () => {
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
    });
  });

  it('disables ACLs and encrypts by default', () => {
    expect(bucket.Properties.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    const [rule] = bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration;
    expect(['AES256', 'aws:kms', 'aws:kms:dsse']).toContain(rule.ServerSideEncryptionByDefault.SSEAlgorithm);
  });

  it('keeps overwritten and deleted versions for 30 days, as a safety net besides nisshi\'s own archive', () => {
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const [rule] = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rule).toMatchObject({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
    // Nothing expires current objects: the archive under .nisshi/objects/ must stay for rollbacks.
    expect(rule.ExpirationInDays).toBeUndefined();
  });

  it('lets only CloudFront, as this distribution, read objects', () => {
    const statements: any[] = bucketPolicy.Properties.PolicyDocument.Statement;
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: objectsArn,
      Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } },
    });
    // Everything else the policy says is a refusal.
    expect(statements.filter((statement) => statement.Effect !== 'Allow').every((statement) => statement.Effect === 'Deny')).toBe(true);
    expect(bucketPolicy.Properties.Bucket).toEqual({ Ref: bucketId });
  });

  it("keeps nisshi deploy's manifest away from visitors", () => {
    const statements: any[] = bucketPolicy.Properties.PolicyDocument.Statement;
    expect(statements).toContainEqual(expect.objectContaining({
      Effect: 'Deny',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: { 'Fn::Sub': '${SiteBucket.Arn}/.nisshi/*' },
    }));
  });
});

describe('the distribution', () => {
  it('reaches the bucket through Origin Access Control, never a legacy OAI', () => {
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4',
    });
    expect(Object.values(template.Resources).map((resource) => resource.Type)).not.toContain('AWS::CloudFront::CloudFrontOriginAccessIdentity');
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0]).toMatchObject({
      DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
  });

  it('serves HTTP/2 and 3, HTTPS only, compressed, index.html at the root', () => {
    expect(config.HttpVersion).toBe('http2and3');
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      TargetOriginId: config.Origins[0].Id, ViewerProtocolPolicy: 'redirect-to-https', Compress: true,
    });
    expect(config.CacheBehaviors).toBeUndefined();
  });

  it('answers a missing page (403 or 404 from S3) with /404.html and status 404', () => {
    const responses: any[] = config.CustomErrorResponses;
    expect(responses.map((response) => response.ErrorCode).sort()).toEqual([403, 404]);
    for (const response of responses) expect(response).toMatchObject({ ResponseCode: 404, ResponsePagePath: '/404.html' });
  });

  it('runs the directory-index function on viewer requests and adds the security headers', () => {
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    expect(cfFunction.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(cfFunction.Properties.AutoPublish).toBe(true);
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: headersId });
  });

  it('holds the same function code as infra/cloudfront-function/directory-index.js (npm run infra:sync)', () => {
    const code = readFileSync(functionPath, 'utf8');
    expect(cfFunction.Properties.FunctionCode).toBe(code);
    // And the sync script would change nothing (it rewrites only that block).
    const text = readFileSync(templatePath, 'utf8');
    expect(withFunctionCode(text, code)).toBe(text);
    expect(withFunctionCode(text, 'function handler(event) {\n  return event.request;\n}\n')).toContain(
      '      FunctionCode: |\n        function handler(event) {\n          return event.request;\n        }\n\n  SecurityHeadersPolicy:',
    );
  });

  it('uses a custom domain with its ACM certificate only when both are given', () => {
    expect(template.Parameters.DomainName!.Default).toBe('');
    expect(template.Parameters.CertificateArn!.Default).toBe('');
    expect(template.Conditions.HasCustomDomain).toEqual({
      'Fn::And': [
        { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'DomainName' }, ''] }] },
        { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'CertificateArn' }, ''] }] },
      ],
    });
    expect(config.Aliases).toEqual({ 'Fn::If': ['HasCustomDomain', [{ Ref: 'DomainName' }], { Ref: 'AWS::NoValue' }] });
    expect(config.ViewerCertificate).toEqual({
      'Fn::If': [
        'HasCustomDomain',
        { AcmCertificateArn: { Ref: 'CertificateArn' }, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
        { CloudFrontDefaultCertificate: true },
      ],
    });
    const certificatePattern = new RegExp(template.Parameters.CertificateArn!.AllowedPattern);
    expect(certificatePattern.test('')).toBe(true);
    expect(certificatePattern.test('arn:aws:acm:us-east-1:123456789012:certificate/abc')).toBe(true);
    // CloudFront cannot use a certificate from any other region.
    expect(certificatePattern.test('arn:aws:acm:ap-northeast-1:123456789012:certificate/abc')).toBe(false);
  });
});

describe('the security headers', () => {
  const security = headers.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;

  it('sends HSTS for at least a year, subdomains included', () => {
    expect(security.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(security.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
  });

  it('sends nosniff and strict-origin-when-cross-origin', () => {
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
  });

  it('sends a Content-Security-Policy that allows no inline or eval script beyond hashed ones', () => {
    const policy: string = security.ContentSecurityPolicy.ContentSecurityPolicy;
    expect(security.ContentSecurityPolicy.Override).toBe(true);
    // CloudFront refuses a longer policy.
    expect(policy.length).toBeLessThanOrEqual(1783);
    const directives = new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    const script = directives.get('script-src')!;
    expect(script[0]).toBe("'self'");
    expect(script.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(source))).toBe(true);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the GitHub deploy role', () => {
  const [trust] = role.Properties.AssumeRolePolicyDocument.Statement;

  it('trusts the GitHub OIDC provider, created here unless an existing ARN is given', () => {
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toHaveLength(1);
    expect(trust).toMatchObject({ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' });
    expect(trust.Principal).toEqual({ Federated: { 'Fn::If': ['CreateOidcProvider', { Ref: providerId }, { Ref: 'GitHubOidcProviderArn' }] } });
    expect(template.Conditions.CreateOidcProvider).toEqual({ 'Fn::Equals': [{ Ref: 'GitHubOidcProviderArn' }, ''] });
    expect(provider.Condition).toBe('CreateOidcProvider');
    expect(provider.Properties).toMatchObject({ Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] });
  });

  it('is assumable only by the audience sts.amazonaws.com from pushes to the one branch of the one repository', () => {
    // StringEquals, and nothing else: no StringLike wildcard that would let in other refs.
    expect(trust.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': { 'Fn::Sub': 'repo:${GitHubRepository}:ref:refs/heads/${GitHubBranch}' },
      },
    });
    expect(template.Parameters.GitHubBranch!.Default).toBe('main');
    const repository = new RegExp(template.Parameters.GitHubRepository!.AllowedPattern);
    expect(repository.test('someone/nisshi')).toBe(true);
    expect(repository.test('someone')).toBe(false);
    expect(repository.test('someone/*')).toBe(false);
  });

  it('may only list the bucket, read/write/delete its objects, read and invalidate this distribution', () => {
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.Policies).toHaveLength(1);
    const statements: any[] = role.Properties.Policies[0].PolicyDocument.Statement;
    const grants = statements.flatMap((statement) => {
      expect(statement.Effect).toBe('Allow');
      expect(statement.NotAction).toBeUndefined();
      expect(statement.NotResource).toBeUndefined();
      const actions: string[] = [statement.Action].flat();
      const resources: unknown[] = [statement.Resource].flat();
      return actions.flatMap((action) => resources.map((resource) => ({ action, resource })));
    });
    expect(grants).toHaveLength(7);
    expect(grants).toEqual(expect.arrayContaining([
      { action: 's3:ListBucket', resource: bucketArn },
      { action: 's3:GetObject', resource: objectsArn },
      { action: 's3:PutObject', resource: objectsArn },
      { action: 's3:DeleteObject', resource: objectsArn },
      { action: 'cloudfront:GetDistribution', resource: distributionArn },
      { action: 'cloudfront:CreateInvalidation', resource: distributionArn },
      { action: 'cloudfront:GetInvalidation', resource: distributionArn },
    ]));
  });
});

describe('the outputs', () => {
  it('name what the workflow needs as repository variables', () => {
    expect(template.Outputs).toEqual({
      BucketName: expect.objectContaining({ Value: { Ref: bucketId } }),
      DistributionId: expect.objectContaining({ Value: { Ref: distributionId } }),
      DistributionDomainName: expect.objectContaining({ Value: { 'Fn::GetAtt': [distributionId, 'DomainName'] } }),
      DeployRoleArn: expect.objectContaining({ Value: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } }),
    });
  });
});
