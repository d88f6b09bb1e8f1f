# Signed request: Alibaba Cloud accepts it for 15 minutes after its timestamp and each
# nonce only once; prepare it again to resend. It carries a signature, never the
# AccessKey secret.
curl -X POST 'https://business.aliyuncs.com/?ProductCode=rds&ProductType=rds&SubscriptionType=Subscription&Period=12&RenewalStatus=ManualRenewal&RenewPeriod=12&ClientToken=JASIOFKVNVIXXXXXX&Logistics=%7B%22cityCode%22%3A%22330100%22%2C%22cityName%22%3A%22Hangzhou%22%2C%22contactName%22%3A%22Test%22%2C%22countryCode%22%3A%22%22%2C%22districtName%22%3A%22Puyan%20Street%22%2C%22email%22%3A%22%2A%2A%40example.com%22%2C%22mobilePhone%22%3A%22153564848844%22%2C%22phone%22%3A%221234567%22%2C%22provCode%22%3A%22330000%22%2C%22provName%22%3A%22Zhejiang%22%2C%22streetCode%22%3A%2233010610%22%2C%22streetName%22%3A%22Zhuantang%22%2C%22zipCode%22%3A%220000%22%7D&Parameter.1.Code=InstanceType&Parameter.1.Value=disk&PricingCycle=2' \
  -H 'host: business.aliyuncs.com' \
  -H 'x-acs-action: CreateInstance' \
  -H 'x-acs-version: 2017-12-14' \
  -H 'x-acs-date: 2023-11-14T22:13:20Z' \
  -H 'x-acs-signature-nonce: 424242' \
  -H 'x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' \
  -H 'Authorization: ACS3-HMAC-SHA256 Credential=AKIDcloudplaySnippetTest,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=3a1dc8a89d9a8b476ec637b1044de2add17b3b8c250521a801df58947f37c083'
