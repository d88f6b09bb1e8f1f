# tccli covers Tencent Cloud API 3.0 only; API 2.0 (postgres.api.qcloud.com) has no CLI.
# The signed request as curl instead:
# Signed request: Tencent Cloud accepts it for 5 minutes after its timestamp
# (then AuthFailure.SignatureExpire); prepare it again after that. It carries a
# signature, never the SecretKey.
curl -X GET 'https://postgres.api.qcloud.com/v2/index.php?RegionId=1&ZoneId=100002&ProjectId=0&SpecCode=cdb.pg.c1.1g&DBVersion=9.3.5&Storage=10&SubnetId=1&VpcId=1&Number=1&TimeSpan=10&TimeUnit=m&MasterIp=127.0.0.2&SlaveIp=127.0.0.3&Operator=120000746388&Action=CreateResource&Region=ap-guangzhou&Version=2017-03-12&Timestamp=1700000000&Nonce=424242&SecretId=AKIDcloudplaySnippetTest&SignatureMethod=HmacSHA256&Signature=7OxFLgXcxT883v3tfP66IUx%2F8T8BJaxWL6b3xW7whCQ%3D'
