#!/usr/bin/env bash
# Move the app's domain from Heroku to the AWS load balancer, one step per subcommand, in this order:
#
#   dns-tls.sh lower-ttl      days before: shorten the TTL of the record that points at Heroku
#   dns-tls.sh certificate    request an ACM certificate and validate it through DNS (Route 53)
#   dns-tls.sh listeners      HTTPS on 443 with that certificate, and HTTP 80 redirected to HTTPS
#   dns-tls.sh switch         at the cut-over: point the apex and www at the load balancer
#   dns-tls.sh heroku-off     after the switch-back deadline: remove the domains from the Heroku app
#
# Settings (environment): DOMAIN (apex, e.g. example.com), HOSTED_ZONE_ID (its Route 53 zone),
# LOAD_BALANCER_ARN, TARGET_GROUP_ARN, HEROKU_APP. Needs AWS CLI v2, jq and the Heroku CLI.
set -euo pipefail

: "${DOMAIN:?set DOMAIN, e.g. example.com}"
: "${HOSTED_ZONE_ID:?set HOSTED_ZONE_ID, the Route 53 hosted zone of DOMAIN}"
LOW_TTL=60 # seconds: resolvers forget the old answer within a minute of the switch

# One UPSERT of one record in the hosted zone; $2 is the record as Route 53 JSON.
upsert() {
  aws route53 change-resource-record-sets --hosted-zone-id "$HOSTED_ZONE_ID" \
    --change-batch "$(jq -n --arg comment "$1" --argjson record "$2" \
      '{Comment: $comment, Changes: [{Action: "UPSERT", ResourceRecordSet: $record}]}')" \
    --query 'ChangeInfo.Id' --output text
}

# --8<-- [start:lower-ttl]
# Wait at least the OLD TTL after this before switching, so no resolver still caches the long one.
lower_ttl() {
  local target
  target="$(aws route53 list-resource-record-sets --hosted-zone-id "$HOSTED_ZONE_ID" \
    --query "ResourceRecordSets[?Name=='www.${DOMAIN}.' && Type=='CNAME'].ResourceRecords[0].Value" --output text)"
  upsert "lower the TTL before the move" "$(jq -n --arg name "www.${DOMAIN}" --arg target "$target" \
    --argjson ttl "$LOW_TTL" '{Name: $name, Type: "CNAME", TTL: $ttl, ResourceRecords: [{Value: $target}]}')"
}
# --8<-- [end:lower-ttl]

# --8<-- [start:certificate]
# ACM proves you own the domain by a CNAME record it names; the certificate renews itself while the
# record stays. The certificate must be in the load balancer's region.
certificate() {
  local arn name value
  arn="$(aws acm request-certificate --domain-name "$DOMAIN" --subject-alternative-names "www.${DOMAIN}" \
    --validation-method DNS --query CertificateArn --output text)"
  sleep 10 # ACM needs a moment before it lists the validation records
  while IFS=$'\t' read -r name value; do
    upsert "ACM validation" "$(jq -n --arg name "$name" --arg value "$value" \
      '{Name: $name, Type: "CNAME", TTL: 300, ResourceRecords: [{Value: $value}]}')"
  done < <(aws acm describe-certificate --certificate-arn "$arn" \
    --query 'Certificate.DomainValidationOptions[].ResourceRecord.[Name,Value]' --output text | sort -u)
  aws acm wait certificate-validated --certificate-arn "$arn"
  echo "$arn"
}
# --8<-- [end:certificate]

# --8<-- [start:listeners]
listeners() {
  local certificate_arn="${1:?usage: dns-tls.sh listeners CERTIFICATE_ARN}"
  : "${LOAD_BALANCER_ARN:?set LOAD_BALANCER_ARN}" "${TARGET_GROUP_ARN:?set TARGET_GROUP_ARN}"
  aws elbv2 create-listener --load-balancer-arn "$LOAD_BALANCER_ARN" --protocol HTTPS --port 443 \
    --certificates "CertificateArn=${certificate_arn}" --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 \
    --default-actions "Type=forward,TargetGroupArn=${TARGET_GROUP_ARN}" --query 'Listeners[0].ListenerArn' --output text
  aws elbv2 create-listener --load-balancer-arn "$LOAD_BALANCER_ARN" --protocol HTTP --port 80 \
    --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}' \
    --query 'Listeners[0].ListenerArn' --output text
}
# --8<-- [end:listeners]

# --8<-- [start:switch]
# The apex cannot be a CNAME: Route 53 answers it with an alias A record to the load balancer. At a DNS
# host without alias records, keep www as a CNAME to the load balancer's DNS name and redirect the apex.
switch() {
  : "${LOAD_BALANCER_ARN:?set LOAD_BALANCER_ARN}"
  local dns zone name
  read -r dns zone < <(aws elbv2 describe-load-balancers --load-balancer-arns "$LOAD_BALANCER_ARN" \
    --query 'LoadBalancers[0].[DNSName,CanonicalHostedZoneId]' --output text)
  for name in "$DOMAIN" "www.${DOMAIN}"; do
    upsert "switch to AWS" "$(jq -n --arg name "$name" --arg dns "$dns" --arg zone "$zone" \
      '{Name: $name, Type: "A", AliasTarget: {HostedZoneId: $zone, DNSName: $dns, EvaluateTargetHealth: true}}')"
  done
}
# --8<-- [end:switch]

# --8<-- [start:heroku-off]
# Only once switching back is off the table: Heroku then stops answering for the domain.
heroku_off() {
  : "${HEROKU_APP:?set HEROKU_APP}"
  heroku domains:remove "www.${DOMAIN}" --app "$HEROKU_APP"
  heroku domains:remove "$DOMAIN" --app "$HEROKU_APP"
  heroku certs:auto:disable --app "$HEROKU_APP" --confirm "$HEROKU_APP"
}
# --8<-- [end:heroku-off]

case "${1:-}" in
  lower-ttl) lower_ttl ;;
  certificate) certificate ;;
  listeners) listeners "${2:-}" ;;
  switch) switch ;;
  heroku-off) heroku_off ;;
  *) echo "usage: $0 lower-ttl|certificate|listeners CERTIFICATE_ARN|switch|heroku-off" >&2 && exit 64 ;;
esac
