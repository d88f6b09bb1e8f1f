# pip install alibabacloud_tea_openapi
import json
import os

from alibabacloud_tea_openapi import models as open_api_models
from alibabacloud_tea_openapi.client import Client as OpenApiClient

try:  # alibabacloud_tea_openapi 0.4 and later
    from darabonba.runtime import RuntimeOptions
except ImportError:  # 0.3
    from alibabacloud_tea_util.models import RuntimeOptions

config = open_api_models.Config(
    access_key_id=os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"],
    access_key_secret=os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
    security_token=os.environ.get("ALIBABA_CLOUD_SECURITY_TOKEN"),  # STS credentials only
    endpoint="business.aliyuncs.com",
)
client = OpenApiClient(config)
api = open_api_models.Params(
    action="CreateInstance",
    version="2017-12-14",
    protocol="HTTPS",
    method="POST",
    auth_type="AK",
    style="RPC",
    pathname="/",
    req_body_type="json",
    body_type="json",
)
# RPC parameters travel flat: nested values as Name.N.Field, lists counted from 1.
query = {
  "ProductCode": "rds",
  "ProductType": "rds",
  "SubscriptionType": "Subscription",
  "Period": "12",
  "RenewalStatus": "ManualRenewal",
  "RenewPeriod": "12",
  "ClientToken": "JASIOFKVNVIXXXXXX",
  "Logistics": "{\"cityCode\":\"330100\",\"cityName\":\"Hangzhou\",\"contactName\":\"Test\",\"countryCode\":\"\",\"districtName\":\"Puyan Street\",\"email\":\"**@example.com\",\"mobilePhone\":\"153564848844\",\"phone\":\"1234567\",\"provCode\":\"330000\",\"provName\":\"Zhejiang\",\"streetCode\":\"33010610\",\"streetName\":\"Zhuantang\",\"zipCode\":\"0000\"}",
  "Parameter.1.Code": "InstanceType",
  "Parameter.1.Value": "disk",
  "PricingCycle": "2",
}
request = open_api_models.OpenApiRequest(query=query)
response = client.call_api(api, request, RuntimeOptions())
print(json.dumps(response["body"], indent=2, ensure_ascii=False))
