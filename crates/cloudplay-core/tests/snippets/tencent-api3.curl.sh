# Signed request: Tencent Cloud accepts it for 5 minutes after its timestamp
# (then AuthFailure.SignatureExpire); prepare it again after that. It carries a
# signature, never the SecretKey.
curl -X POST https://hai.tencentcloudapi.com/ \
  -H 'Content-Type: application/json' \
  -H 'Host: hai.tencentcloudapi.com' \
  -H 'X-TC-Action: RunInstances' \
  -H 'X-TC-Timestamp: 1700000000' \
  -H 'X-TC-Version: 2023-08-12' \
  -H 'X-TC-Region: ap-guangzhou' \
  -H 'Authorization: TC3-HMAC-SHA256 Credential=AKIDcloudplaySnippetTest/2023-11-14/hai/tc3_request, SignedHeaders=content-type;host, Signature=5455cf61f52d5cf7c3cf7e69447ff70f06085fc7989262899b830f684280310b' \
  --data-raw '{"ApplicationId":"app-jknfna","BundleType":"S","SystemDisk":{"DiskType":"CLOUD_PREMIUM","DiskSize":250},"InstanceName":"hai"}'
