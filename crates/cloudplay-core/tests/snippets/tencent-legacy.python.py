# pip install qcloudapi-sdk-python
# Tencent Cloud API 2.0 on postgres.api.qcloud.com: the legacy SDK signs it, and sends nested
# values flattened as Name.0.Field, as the API expects.
import os

from QcloudApi.qcloudapi import QcloudApi

config = {
    "secretId": os.environ["TENCENTCLOUD_SECRET_ID"],
    "secretKey": os.environ["TENCENTCLOUD_SECRET_KEY"],
    "Region": "ap-guangzhou",
    "Version": "2017-03-12",
    "method": "GET",
    "SignatureMethod": "HmacSHA256",
    # Used for modules the SDK has no built-in host for (2.0.15 and later).
    "endpoint": "postgres.api.qcloud.com",
}
params = {
  "RegionId": 1,
  "ZoneId": 100002,
  "ProjectId": 0,
  "SpecCode": "cdb.pg.c1.1g",
  "DBVersion": "9.3.5",
  "Storage": 10,
  "SubnetId": "1",
  "VpcId": "1",
  "Number": 1,
  "TimeSpan": 10,
  "TimeUnit": "m",
  "MasterIp": "127.0.0.2",
  "SlaveIp": "127.0.0.3",
  "Operator": "120000746388",
}
service = QcloudApi("postgres", config)
print(service.call("CreateResource", params))
