namespace CloudConfig.Deltacloud.Embedded;

// In JSON, GET /api/drivers gives some drivers more than a name: their entry points per service and provider, the
// labels of their credentials, a class. Copied from the recorded Deltacloud 1.1.3 answer; clients read the
// providers from the entry points, as the XML list gives them as <provider> elements.
internal static class MockDriverDetails
{
    public const string Json = """
        {
          "arubacloud": {
            "entrypoints": {
              "compute": {
                "dc1": "https://api.dc1.computing.cloud.it/WsEndUser/v2.4/WsEndUser.svc?wsdl",
                "dc2": "https://api.dc2.computing.cloud.it/WsEndUser/v2.4/WsEndUser.svc?wsdl",
                "dc3": "https://api.dc3.computing.cloud.it/WsEndUser/v2.4/WsEndUser.svc?wsdl",
                "dc4": "https://api.dc4.computing.cloud.it/WsEndUser/v2.4/WsEndUser.svc?wsdl"
              },
              "storage": {
                "dc1": "https://r1-it.storage.cloud.it",
                "dc3": "https://r1-cz.storage.forpsicloud.cz",
                "dc4": "https://r1-fr.storage.arubacloud.fr"
              }
            },
            "name": "Arubacloud"
          },
          "ec2": {
            "entrypoints": {
              "s3": {
                "us-west-1": "s3-us-west-1.amazonaws.com",
                "us-west-2": "s3-us-west-2.amazonaws.com",
                "ap-southeast-1": "s3-ap-southeast-1.amazonaws.com",
                "ap-northeast-1": "s3-ap-northeast-1.amazonaws.com",
                "eu-west-1": "s3-eu-west-1.amazonaws.com",
                "us-east-1": "s3.amazonaws.com",
                "sa-east-1": "s3-sa-east-1.amazonaws.com"
              },
              "elb": {
                "us-west-1": "elasticloadbalancing.us-west-1.amazonaws.com",
                "us-west-2": "elasticloadbalancing.us-west-2.amazonaws.com",
                "ap-southeast-1": "elasticloadbalancing.ap-southeast-1.amazonaws.com",
                "ap-northeast-1": "elasticloadbalancing.ap-northeast-1.amazonaws.com",
                "eu-west-1": "elasticloadbalancing.eu-west-1.amazonaws.com",
                "us-east-1": "elasticloadbalancing.us-east-1.amazonaws.com",
                "sa-east-1": "elasticloadbalancing.sa-east-1.amazonaws.com"
              },
              "ec2": {
                "us-west-1": "ec2.us-west-1.amazonaws.com",
                "us-west-2": "ec2.us-west-2.amazonaws.com",
                "ap-southeast-1": "ec2.ap-southeast-1.amazonaws.com",
                "ap-northeast-1": "ec2.ap-northeast-1.amazonaws.com",
                "eu-west-1": "ec2.eu-west-1.amazonaws.com",
                "us-east-1": "ec2.us-east-1.amazonaws.com",
                "sa-east-1": "ec2.sa-east-1.amazonaws.com"
              },
              "mon": {
                "us-west-1": "monitoring.us-west-1.amazonaws.com",
                "us-west-2": "monitoring.us-west-2.amazonaws.com",
                "ap-southeast-1": "monitoring.ap-southeast-1.amazonaws.com",
                "ap-northeast-1": "monitoring.ap-northeast-1.amazonaws.com",
                "eu-west-1": "monitoring.eu-west-1.amazonaws.com",
                "us-east-1": "monitoring.us-east-1.amazonaws.com",
                "sa-east-1": "monitoring.sa-east-1.amazonaws.com"
              }
            },
            "name": "EC2"
          },
          "eucalyptus": {
            "name": "Eucalyptus",
            "username": "Access Key ID",
            "password": "Secret Access Key",
            "entrypoints": {
              "default": {
                "default": "ec2=EUCALYPTUS_IP[:PORT];s3=WALRUS_IP[:PORT]"
              }
            }
          },
          "fgcp": {
            "name": "FGCP",
            "username": "Folder name containing User Certificate",
            "password": "Secret Key Password of User Certificate",
            "entrypoints": {
              "default": {
                "jp-east": "https://api.oviss.jp.fujitsu.com/ovissapi/endpoint",
                "au": "https://api.globalcloud.fujitsu.com.au/ovissapi/endpoint",
                "sg": "https://api.globalcloud.sg.fujitsu.com/ovissapi/endpoint",
                "uk": "https://api.globalcloud.uk.fujitsu.com/ovissapi/endpoint",
                "us": "https://api.globalcloud.us.fujitsu.com/ovissapi/endpoint",
                "de": "https://api.globalcloud.de.fujitsu.com/ovissapi/endpoint",
                "jp-west": "https://api.oviss2.jp.fujitsu.com/ovissapi/endpoint"
              }
            }
          },
          "opennebula": {
            "class": "OpennebulaDriver",
            "name": "Opennebula"
          },
          "vsphere": {
            "name": "VSphere",
            "username": "Login Name",
            "password": "Password",
            "entrypoints": {
              "default": {
                "default": "https://vsphere.provider.com/sdk"
              }
            }
          }
        }
        """;
}
